package io.sightline.server.core;

/** The caller could not be identified (no, malformed or rejected credentials). */
public class Unauthenticated extends DomainException {
    public Unauthenticated(String message) {
        super(message);
    }
}
