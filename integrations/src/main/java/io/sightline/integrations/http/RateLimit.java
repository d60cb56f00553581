package io.sightline.integrations.http;

/**
 * Client-side throttle for one target: a token bucket refilled at {@code requestsPerSecond}
 * holding at most {@code burst} tokens. Requests over the limit wait for a token instead of
 * failing (Cortex and MISP answer 429 rather than queueing, so the queueing has to happen here).
 */
public record RateLimit(double requestsPerSecond, int burst) {

    public RateLimit {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("rate limit must be a positive number of requests per second, was "
                    + requestsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("rate limit burst must be at least 1, was " + burst);
        }
    }

    public static RateLimit perSecond(double requestsPerSecond) {
        return new RateLimit(requestsPerSecond, Math.max(1, (int) Math.floor(requestsPerSecond)));
    }
}
