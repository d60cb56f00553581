package io.sightline.server.core;

/** The request itself cannot be read: a required parameter missing, a body that is not what it must be. */
public final class Malformed extends DomainException {
    public Malformed(String message) {
        super(message);
    }
}
