package io.sightline.integrations.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Retry policy for one target: exponential backoff with full jitter, capped attempts.
 *
 * @param maxAttempts    total attempts including the first one (1 = no retry)
 * @param initialBackoff upper bound of the first backoff; doubles on each retry
 * @param maxBackoff     cap of the backoff upper bound
 * @param maxRetryAfter  longest {@code Retry-After} wait honoured; a server asking for more makes
 *                       the call fail at once instead of blocking a worker for that long
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(2));

    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("retry maxAttempts must be at least 1, was " + maxAttempts);
        }
        requireNotNegative(initialBackoff, "initialBackoff");
        requireNotNegative(maxBackoff, "maxBackoff");
        requireNotNegative(maxRetryAfter, "maxRetryAfter");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("retry maxBackoff (" + maxBackoff + ") is shorter than initialBackoff ("
                    + initialBackoff + ")");
        }
    }

    public static RetryPolicy of(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, DEFAULT.maxRetryAfter());
    }

    /**
     * Upper bound of the backoff before retry number {@code retry} (1 for the first retry):
     * {@code min(maxBackoff, initialBackoff * 2^(retry-1))}. The actual wait is drawn uniformly
     * from [0, bound] (full jitter) so that many clients do not retry in lock-step.
     */
    public Duration backoffBound(int retry) {
        int shift = Math.min(Math.max(retry - 1, 0), 30);
        long millis = initialBackoff.toMillis();
        long bound = millis > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : millis << shift;
        return Duration.ofMillis(Math.min(bound, maxBackoff.toMillis()));
    }

    private static void requireNotNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException("retry " + name + " must not be negative, was " + value);
        }
    }
}
