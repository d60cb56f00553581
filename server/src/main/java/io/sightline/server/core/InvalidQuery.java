package io.sightline.server.core;

/** A search (TheHive query language) cannot be compiled: an unknown operator, field or value. */
public final class InvalidQuery extends DomainException {
    public InvalidQuery(String message) {
        super(message);
    }
}
