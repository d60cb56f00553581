package io.sightline.testkit.stixify;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Faults of the Stixify emulator, switchable while it runs (all methods are thread-safe and
 * return {@code this}). {@link #reset()} turns everything off.
 */
public final class StixifyFaults {
    private final AtomicInteger extraTotal = new AtomicInteger();
    private volatile boolean repeatLastPage;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 503;
    private final AtomicInteger rateLimitsLeft = new AtomicInteger();
    private volatile String retryAfter = "1";
    private final AtomicInteger breaksLeft = new AtomicInteger();
    private volatile int breakAfter;
    private final AtomicReference<Duration> pageDelay = new AtomicReference<>(Duration.ZERO);

    /** Every list reports {@code extra} more results in {@code total_results_count} than it has. */
    public StixifyFaults lieAboutTotals(int extra) {
        extraTotal.set(extra);
        return this;
    }

    /** Pages past the end repeat the last non-empty page instead of being empty. */
    public StixifyFaults repeatLastPage(boolean on) {
        repeatLastPage = on;
        return this;
    }

    /** The next {@code count} requests fail with {@code status} (e.g. 500, 502, 503). */
    public StixifyFaults failNext(int count, int status) {
        failureStatus = status;
        failuresLeft.set(count);
        return this;
    }

    /** The next {@code count} requests get 429 with this {@code Retry-After} value (seconds or HTTP date). */
    public StixifyFaults rateLimitNext(int count, String retryAfterValue) {
        retryAfter = retryAfterValue;
        rateLimitsLeft.set(count);
        return this;
    }

    /** Every answer waits this long before it is sent. */
    public StixifyFaults slowPages(Duration delay) {
        pageDelay.set(delay == null ? Duration.ZERO : delay);
        return this;
    }

    /**
     * The next {@code times} pages of report objects break off (connection dropped, no end of
     * body) after {@code objects} objects.
     */
    public StixifyFaults breakObjectPages(int times, int objects) {
        breakAfter = objects;
        breaksLeft.set(times);
        return this;
    }

    /** Turns every fault off. */
    public StixifyFaults reset() {
        extraTotal.set(0);
        repeatLastPage = false;
        failuresLeft.set(0);
        rateLimitsLeft.set(0);
        pageDelay.set(Duration.ZERO);
        breaksLeft.set(0);
        return this;
    }

    int extraTotal() {
        return extraTotal.get();
    }

    boolean repeatLastPage() {
        return repeatLastPage;
    }

    /** Status to fail this request with, or 0; consumes one pending failure. */
    int takeFailure() {
        if (rateLimitsLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) return 429;
        if (failuresLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) return failureStatus;
        return 0;
    }

    /** Objects after which this object page breaks off, or -1; consumes one pending break. */
    int takeBreak() {
        return breaksLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0 ? breakAfter : -1;
    }

    String retryAfter() {
        return retryAfter;
    }

    Duration pageDelay() {
        return pageDelay.get();
    }
}
