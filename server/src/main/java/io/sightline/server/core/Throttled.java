package io.sightline.server.core;

/** Too many attempts in a short time: refused without being checked; retry after the given delay. */
public class Throttled extends DomainException {
    private final long retryAfterSeconds;

    public Throttled(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** How long the caller should wait before trying again. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
