package io.sightline.integrations.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Which answers are worth another attempt, and how to read {@code Retry-After}. */
final class RetryDecision {

    private RetryDecision() {
    }

    /** 408, 429 and the 5xx that mean "not now" (not 501/505, which will not change). */
    static boolean isRetryableStatus(int status) {
        return status == 408 || status == 429 || (status >= 500 && status <= 599 && status != 501 && status != 505);
    }

    /**
     * Parses {@code Retry-After} as delta-seconds or an HTTP-date. Zero, negative, past dates and
     * garbage all yield empty: "use your own backoff" (a server sending 0 while still limiting
     * must not make us burn every attempt at once).
     */
    static Optional<Duration> parseRetryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            // try the HTTP-date form below
        }
        try {
            Instant when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), when);
            return wait.isNegative() || wait.isZero() ? Optional.empty() : Optional.of(wait);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
