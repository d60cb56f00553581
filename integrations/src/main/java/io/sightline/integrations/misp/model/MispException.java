package io.sightline.integrations.misp.model;

/** Base of every error raised by the MISP integration. */
public class MispException extends RuntimeException {

    public MispException(String message) {
        super(message);
    }

    public MispException(String message, Throwable cause) {
        super(message, cause);
    }
}
