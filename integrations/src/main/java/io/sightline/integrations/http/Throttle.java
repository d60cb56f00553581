package io.sightline.integrations.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;

/**
 * Client-side limits of one target: at most N requests in flight and a token bucket on the
 * request rate. Callers over a limit wait their turn (fairly) instead of failing.
 */
final class Throttle {

    private final Semaphore inFlight;
    private final RateLimit rateLimit;
    private final Clock clock;
    private final Sleeper sleeper;
    private double tokens;
    private Instant lastRefill;

    Throttle(int maxConcurrent, RateLimit rateLimit, Clock clock, Sleeper sleeper) {
        this.inFlight = maxConcurrent > 0 ? new Semaphore(maxConcurrent, true) : null;
        this.rateLimit = rateLimit;
        this.clock = clock;
        this.sleeper = sleeper;
        this.tokens = rateLimit == null ? 0 : rateLimit.burst();
        this.lastRefill = clock.instant();
    }

    /** Blocks until a slot and a token are available; pair every call with {@link #release()}. */
    void acquire() throws InterruptedException {
        if (inFlight != null) {
            inFlight.acquire();
        }
        try {
            if (rateLimit != null) {
                sleeper.sleep(reserveToken());
            }
        } catch (InterruptedException | RuntimeException e) {
            release();
            throw e;
        }
    }

    void release() {
        if (inFlight != null) {
            inFlight.release();
        }
    }

    /**
     * Takes a token, letting the balance go negative: each caller learns how long to wait for its
     * own token, so waiting callers are served in arrival order without spinning.
     */
    private synchronized Duration reserveToken() {
        Instant now = clock.instant();
        double elapsedSeconds = Duration.between(lastRefill, now).toNanos() / 1e9;
        if (elapsedSeconds > 0) {
            tokens = Math.min(rateLimit.burst(), tokens + elapsedSeconds * rateLimit.requestsPerSecond());
            lastRefill = now;
        }
        tokens -= 1;
        if (tokens >= 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil(-tokens / rateLimit.requestsPerSecond() * 1e9));
    }
}
