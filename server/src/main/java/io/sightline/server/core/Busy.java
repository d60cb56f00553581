package io.sightline.server.core;

/** The target is busy with another run right now; the caller may retry once that run has finished. */
public final class Busy extends DomainException {
    public Busy(String message) {
        super(message);
    }
}
