package io.sightline.server.core;

/** The caller is known but may not do this. */
public final class Forbidden extends DomainException {
    public Forbidden(String message) {
        super(message);
    }
}
