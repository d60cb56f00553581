package io.sightline.integrations.stixify;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The timestamps of the connector's state and of {@code added_after}: Python's
 * {@code datetime.now(UTC).isoformat()} format, {@code 2026-02-18T15:24:00.123456+00:00}
 * (always six fraction digits, {@code +00:00}), so state written by the original connector and by
 * this one read alike. Comparison is done on instants, never on strings.
 */
public final class StixifyTimestamps {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private StixifyTimestamps() {}

    /** Formats an instant in UTC with microseconds (finer precision is truncated). */
    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
    }

    /**
     * Parses an ISO 8601 timestamp with an offset or {@code Z}, any fraction length.
     *
     * @throws IllegalArgumentException naming the value when it is not such a timestamp
     */
    public static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("not an ISO 8601 timestamp with offset: '" + text + "'", e);
        }
    }
}
