package io.sightline.integrations.cortex;

/** What went wrong talking to Cortex, in the terms a status page and a poller need. */
public enum CortexErrorKind {
    /** 401: wrong or revoked key. Health shows AUTH_ERROR. */
    AUTHENTICATION,
    /** 403: key valid but not allowed. Health shows AUTH_ERROR. */
    AUTHORIZATION,
    /** 404: analyzer or job unknown to this key's organisation. Terminal for a job. */
    NOT_FOUND,
    /** 429: Cortex's per-analyzer rate limit; retried by the HTTP layer, then reported. */
    RATE_LIMITED,
    BAD_REQUEST,
    SERVER_ERROR,
    /** Cortex answered a wait with a timeout error: the job is still running. */
    STILL_RUNNING,
    UNREACHABLE,
    TLS,
    TIMEOUT,
    /** The answer was not the JSON Cortex sends. */
    INVALID_RESPONSE;

    public boolean isAuthProblem() {
        return this == AUTHENTICATION || this == AUTHORIZATION;
    }

    /** Whether trying again later may work without anyone changing a setting. */
    public boolean isTransient() {
        return switch (this) {
            case RATE_LIMITED, SERVER_ERROR, STILL_RUNNING, UNREACHABLE, TIMEOUT -> true;
            default -> false;
        };
    }
}
