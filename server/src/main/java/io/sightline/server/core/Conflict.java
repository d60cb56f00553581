package io.sightline.server.core;

/** The request conflicts with what exists already (a duplicate, an alert already imported). */
public final class Conflict extends DomainException {
    public Conflict(String message) {
        super(message);
    }

    public Conflict(String message, Object details) {
        super(message, details);
    }
}
