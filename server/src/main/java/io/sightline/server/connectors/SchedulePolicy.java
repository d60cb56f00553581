package io.sightline.server.connectors;

import java.time.Duration;
import java.util.Objects;

/**
 * When a {@link PartitionScheduler} runs a partition.
 *
 * @param interval      time between the end of a successful run and the next one
 * @param initialDelay  delay of the first run after start (TheHive's {@code syncInitialDelay}); 0 = at once
 * @param firstRetry    delay after the first failed run; it doubles with each further failure and is
 *                      capped at {@code interval}, so a broken server is retried soon but never
 *                      more often than once per {@code firstRetry}
 * @param lockAtMostFor how long another hub instance waits before taking over the partition if
 *                      this one dies mid-run; a live run keeps extending its lock (at least 30 s)
 */
public record SchedulePolicy(Duration interval, Duration initialDelay, Duration firstRetry, Duration lockAtMostFor) {
    public static final Duration DEFAULT_FIRST_RETRY = Duration.ofSeconds(30);
    public static final Duration DEFAULT_LOCK_AT_MOST_FOR = Duration.ofMinutes(5);

    public SchedulePolicy {
        positive(interval, "interval");
        Objects.requireNonNull(initialDelay, "initialDelay");
        if (initialDelay.isNegative()) throw new IllegalArgumentException("initialDelay must not be negative");
        positive(firstRetry, "firstRetry");
        if (lockAtMostFor.compareTo(Duration.ofSeconds(30)) < 0) {
            throw new IllegalArgumentException("lockAtMostFor must be at least 30 seconds, was " + lockAtMostFor);
        }
    }

    public static SchedulePolicy every(Duration interval) {
        Duration retry = interval.compareTo(DEFAULT_FIRST_RETRY) < 0 ? interval : DEFAULT_FIRST_RETRY;
        return new SchedulePolicy(interval, Duration.ZERO, retry, DEFAULT_LOCK_AT_MOST_FOR);
    }

    public SchedulePolicy withInitialDelay(Duration delay) {
        return new SchedulePolicy(interval, delay, firstRetry, lockAtMostFor);
    }

    public SchedulePolicy withFirstRetry(Duration retry) {
        return new SchedulePolicy(interval, initialDelay, retry, lockAtMostFor);
    }

    public SchedulePolicy withLockAtMostFor(Duration lock) {
        return new SchedulePolicy(interval, initialDelay, firstRetry, lock);
    }

    /** Delay before the next run after {@code failures} consecutive failures (1 = the first). */
    public Duration retryDelay(int failures) {
        Duration d = firstRetry;
        for (int i = 1; i < failures && d.compareTo(interval) < 0; i++) d = d.multipliedBy(2);
        return d.compareTo(interval) < 0 ? d : interval;
    }

    private static void positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(what + " must be positive, was " + d);
    }
}
