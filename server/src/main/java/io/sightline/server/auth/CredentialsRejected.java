package io.sightline.server.auth;

import io.sightline.server.core.Unauthenticated;

/**
 * Credentials that may be a guess (unknown login or key, wrong password): these, and only these,
 * count towards throttling. The client always reads the same message; the reason is for the
 * audit trail.
 */
public class CredentialsRejected extends Unauthenticated {
    private final String reason;

    public CredentialsRejected(String message, String reason) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
