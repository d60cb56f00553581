package io.sightline.testkit.bench;

import java.util.Arrays;

/** Collects request latencies (one array slot per request, no locking) and prints percentiles. */
public final class Latencies {
    private final long[] nanos;
    private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

    public Latencies(int capacity) {
        nanos = new long[capacity];
    }

    public void record(long durationNanos) {
        int i = next.getAndIncrement();
        if (i < nanos.length) nanos[i] = durationNanos;
    }

    public int count() {
        return Math.min(next.get(), nanos.length);
    }

    public double percentileMillis(double p) {
        long[] sorted = Arrays.copyOf(nanos, count());
        if (sorted.length == 0) return 0;
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    public String summary() {
        return String.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms",
                percentileMillis(50), percentileMillis(90), percentileMillis(99), percentileMillis(100));
    }
}
