package io.sightline.server.core;

/** A value breaks a rule of the domain (a field missing, of the wrong kind, out of range). */
public final class Invalid extends DomainException {
    public Invalid(String message) {
        super(message);
    }

    public Invalid(String message, Object details) {
        super(message, details);
    }
}
