package io.sightline.integrations.http;

/** Whether a call may be repeated after a failure. */
public enum RetryMode {
    /**
     * Idempotent methods retry every transient failure; POST and PATCH only retry when the request
     * certainly never reached the server (connection refused).
     */
    DEFAULT,
    /**
     * Like DEFAULT, and POST/PATCH are also retried after a 429: the server refused the request
     * without processing it (e.g. a Cortex job submission over an analyzer's rate limit).
     */
    WHEN_REJECTED,
    /** Retry every transient failure even for POST: the caller knows a duplicate is harmless. */
    ALWAYS,
    /** A single attempt, e.g. for a health probe that must answer quickly. */
    NEVER
}
