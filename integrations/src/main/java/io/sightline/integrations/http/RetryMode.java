package io.sightline.integrations.http;

/** Whether a call may be repeated after a failure. */
public enum RetryMode {
    /**
     * Idempotent methods retry every transient failure; POST and PATCH only retry when the request
     * certainly never reached the server (connection refused).
     */
    DEFAULT,
    /** Retry every transient failure even for POST: the caller knows a duplicate is harmless. */
    ALWAYS,
    /** A single attempt, e.g. for a health probe that must answer quickly. */
    NEVER
}
