package io.sightline.server.auth;

import io.sightline.server.core.Throttled;

/** This login from this address, or this address, failed too often; credentials were not checked. */
public class TooManyFailedLogins extends Throttled {
    public TooManyFailedLogins(long waitMillis) {
        super("Too many failed logins from your address; try again in " + seconds(waitMillis) + " seconds", seconds(waitMillis));
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}
