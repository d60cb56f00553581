package io.sightline.integrations.http;

import java.time.Duration;

/** The connection or the answer took longer than the configured timeout. */
public class HttpRequestTimeoutException extends HttpTargetException {

    private final Duration timeout;

    public HttpRequestTimeoutException(String target, String method, String url, int attempts, String phase,
            Duration timeout, Throwable cause) {
        super(target, method, url, attempts, phase + " timed out after " + Durations.human(timeout), cause);
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
