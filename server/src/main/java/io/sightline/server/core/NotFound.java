package io.sightline.server.core;

/** The thing asked for does not exist, or is not visible to the caller. */
public final class NotFound extends DomainException {
    public NotFound(String message) {
        super(message);
    }
}
