package io.sightline.stix;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Versions of one STIX object: a version is identified by {@code modified}, or by {@code created}
 * for objects that have no {@code modified} (SCOs have neither and are unversioned). Timestamps are
 * compared as instants, not strings, so {@code 2024-01-01T00:00:00Z} equals
 * {@code 2024-01-01T00:00:00.000Z}.
 */
public final class StixVersions {
    /** Orders objects from oldest to newest version; unversioned objects sort first. */
    public static final Comparator<JsonNode> OLDEST_FIRST = Comparator.comparing(
            (JsonNode o) -> versionOf(o).orElse(null), Comparator.nullsFirst(Comparator.naturalOrder()));

    private StixVersions() {}

    /**
     * The version timestamp of an object: {@code modified}, else {@code created}, else empty.
     *
     * @throws StixFormatException if the property holds something that is not an RFC 3339 timestamp
     */
    public static Optional<Instant> versionOf(JsonNode stixObject) {
        JsonNode modified = stixObject.get("modified");
        if (modified != null && !modified.isNull()) return Optional.of(parseTimestamp(modified, "modified", stixObject));
        JsonNode created = stixObject.get("created");
        if (created != null && !created.isNull()) return Optional.of(parseTimestamp(created, "created", stixObject));
        return Optional.empty();
    }

    /**
     * Whether {@code candidate} is a strictly newer version than {@code current}. An unversioned
     * candidate is never newer than a versioned one; two unversioned objects are equal.
     */
    public static boolean isNewer(JsonNode candidate, JsonNode current) {
        return OLDEST_FIRST.compare(candidate, current) > 0;
    }

    /** Parses a STIX timestamp (RFC 3339, any fraction length, {@code Z} or an offset). */
    public static Instant parseTimestamp(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                throw new StixFormatException("invalid timestamp '" + text + "'", e2);
            }
        }
    }

    private static Instant parseTimestamp(JsonNode value, String property, JsonNode owner) {
        if (!value.isString()) {
            throw new StixFormatException("'" + property + "' of " + owner.path("id").asString("an object") + " is not a string");
        }
        try {
            return parseTimestamp(value.stringValue());
        } catch (StixFormatException e) {
            throw new StixFormatException("'" + property + "' of " + owner.path("id").asString("an object")
                    + " is not a timestamp: '" + value.stringValue() + "'", e);
        }
    }
}
