package io.sightline.server.connectors.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the duration spellings found in TheHive and Spring configurations alike: HOCON's
 * {@code 1 hour}, {@code 5 seconds}, {@code 15 min}, Spring's {@code 1h}, {@code 500ms} and
 * ISO-8601 {@code PT1H}. A bare number is refused: TheHive reads it as milliseconds, people
 * usually mean seconds, so the unit must be written.
 */
public final class ConfigDurations {
    private static final Pattern NUMBER_AND_UNIT = Pattern.compile("(\\d+)\\s*([a-zA-Z]+)");
    private static final Map<String, Duration> UNITS = units();

    private ConfigDurations() {}

    /** @throws IllegalArgumentException with a message fit for a configuration error list */
    public static Duration parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) throw new IllegalArgumentException("expected a duration, got an empty value");
        if (s.regionMatches(true, 0, "P", 0, 1) || s.regionMatches(true, 0, "-P", 0, 2)) {
            try {
                return nonNegative(Duration.parse(s.toUpperCase(Locale.ROOT)), text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration such as PT1H");
            }
        }
        if (s.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("'" + text + "' has no unit; write e.g. '" + s + " seconds', '" + s + "s' or 'PT" + s + "S'");
        }
        Matcher m = NUMBER_AND_UNIT.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. '1 hour', '1h' or 'PT1H'");
        }
        Duration unit = UNITS.get(m.group(2).toLowerCase(Locale.ROOT));
        if (unit == null) {
            throw new IllegalArgumentException("'" + text + "' has an unknown unit '" + m.group(2)
                    + "'; use ms, s, m, h, d or their names (seconds, minutes, hours, days)");
        }
        try {
            return unit.multipliedBy(Long.parseLong(m.group(1)));
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration");
        }
    }

    private static Duration nonNegative(Duration d, String text) {
        if (d.isNegative()) throw new IllegalArgumentException("'" + text + "' is negative");
        return d;
    }

    private static Map<String, Duration> units() {
        Map<String, Duration> u = new java.util.HashMap<>();
        put(u, Duration.ofNanos(1), "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        put(u, Duration.ofNanos(1000), "us", "micro", "micros", "microsecond", "microseconds");
        put(u, Duration.ofMillis(1), "ms", "milli", "millis", "millisecond", "milliseconds");
        put(u, Duration.ofSeconds(1), "s", "sec", "secs", "second", "seconds");
        put(u, Duration.ofMinutes(1), "m", "min", "mins", "minute", "minutes");
        put(u, Duration.ofHours(1), "h", "hr", "hrs", "hour", "hours");
        put(u, Duration.ofDays(1), "d", "day", "days");
        return Map.copyOf(u);
    }

    private static void put(Map<String, Duration> map, Duration unit, String... names) {
        for (String n : names) map.put(n, unit);
    }

    /** Short human form for logs and health, e.g. "1h", "5s", "1500ms". */
    public static String human(Duration d) {
        if (d.isZero()) return "0s";
        if (d.toMillis() % 86_400_000 == 0) return d.toDays() + "d";
        if (d.toMillis() % 3_600_000 == 0) return d.toHours() + "h";
        if (d.toMillis() % 60_000 == 0) return d.toMinutes() + "m";
        if (d.toMillis() % 1000 == 0) return d.toSeconds() + "s";
        return d.toMillis() + "ms";
    }
}
