package io.sightline.stix.validation;

/**
 * One way an object breaks the STIX 2.1 schemas.
 *
 * @param objectId id of the offending object (or {@code "?"} when it has none)
 * @param location JSON path inside the object, as a JSON pointer, e.g. {@code /pattern_type} (empty for the object itself)
 * @param message what is wrong, as the validator words it
 */
public record SchemaViolation(String objectId, String location, String message) {
    @Override
    public String toString() {
        return objectId + " " + location + ": " + message;
    }
}
