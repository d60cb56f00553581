package io.sightline.server.core;

/**
 * A failure a caller can act on, raised by a domain rule. The message is shown to the caller as
 * is (clients and tests read it), so it must name what was refused and never hold a secret. The
 * optional details (for example the values refused in a batch) travel with it to the caller.
 */
public abstract class DomainException extends RuntimeException {
    private final transient Object details;

    protected DomainException(String message) {
        this(message, null);
    }

    protected DomainException(String message, Object details) {
        super(message);
        this.details = details;
    }

    /** What the caller may be shown besides the message, or null. */
    public Object details() {
        return details;
    }
}
