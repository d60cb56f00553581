package io.sightline.integrations.stixify;

/** Stixify answered with something the client cannot use (e.g. a list page without its total). */
public class StixifyApiException extends RuntimeException {
    public StixifyApiException(String message) {
        super(message);
    }

    public StixifyApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
