package io.sightline.server.connectors.spi;


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
 *
 * <p>How soon another instance takes over the partition of a dead one is the hub's lock lease
 * (the runtime's partition locks), the same for every connector.
 */
public record SchedulePolicy(Duration interval, Duration initialDelay, Duration firstRetry) {
    public static final Duration DEFAULT_FIRST_RETRY = Duration.ofSeconds(30);

    public SchedulePolicy {
        positive(interval, "interval");
        Objects.requireNonNull(initialDelay, "initialDelay");
        if (initialDelay.isNegative()) throw new IllegalArgumentException("initialDelay must not be negative");
        positive(firstRetry, "firstRetry");
    }

    public static SchedulePolicy every(Duration interval) {
        Duration retry = interval.compareTo(DEFAULT_FIRST_RETRY) < 0 ? interval : DEFAULT_FIRST_RETRY;
        return new SchedulePolicy(interval, Duration.ZERO, retry);
    }

    public SchedulePolicy withInitialDelay(Duration delay) {
        return new SchedulePolicy(interval, delay, firstRetry);
    }

    public SchedulePolicy withFirstRetry(Duration retry) {
        return new SchedulePolicy(interval, initialDelay, retry);
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
