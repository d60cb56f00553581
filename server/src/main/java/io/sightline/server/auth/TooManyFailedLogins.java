package io.sightline.server.auth;

import io.sightline.server.api.ApiException;
import org.springframework.http.HttpStatus;

/** A 429: this login from this address, or this address, failed too often; credentials were not checked. */
public class TooManyFailedLogins extends ApiException {
    private final long retryAfterSeconds;

    public TooManyFailedLogins(long waitMillis) {
        super(HttpStatus.TOO_MANY_REQUESTS, "TooManyRequests",
                "Too many failed logins from your address; try again in " + seconds(waitMillis) + " seconds");
        this.retryAfterSeconds = seconds(waitMillis);
    }

    /** Value of the Retry-After header. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}
