package io.sightline.stix;

/**
 * Malformed STIX input: broken JSON, a bundle without an {@code objects} array, an element that is
 * not a JSON object, an invalid identifier. The message names what was expected and where
 * (line/column of the input, index of the object) so the bad input can be found.
 */
public class StixFormatException extends RuntimeException {
    public StixFormatException(String message) {
        super(message);
    }

    public StixFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
