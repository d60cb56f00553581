package io.sightline.server.core;

/** The request is bigger than the hub accepts. */
public final class TooLarge extends DomainException {
    public TooLarge(String message) {
        super(message);
    }
}
