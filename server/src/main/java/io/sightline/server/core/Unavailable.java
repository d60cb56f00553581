package io.sightline.server.core;

/** A dependency (the database) cannot serve now; the caller may retry later. */
public final class Unavailable extends DomainException {
    public Unavailable(String message) {
        super(message);
    }
}
