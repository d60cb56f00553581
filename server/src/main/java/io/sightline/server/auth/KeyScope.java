package io.sightline.server.auth;

import io.sightline.server.core.Forbidden;
import java.time.Instant;

/**
 * What a caller may put in a key it creates, as MISP's advanced auth keys: a key never makes a key
 * with more rights, wider addresses or a later expiry than itself. Password and session logins
 * are not bound by a key, so their scope is unrestricted.
 */
public record KeyScope(String keyPrefix, boolean readOnly, IpRanges allowedIps, long expiresAt) {
    public static final KeyScope UNRESTRICTED = new KeyScope(null, false, IpRanges.parse(java.util.List.of()), Long.MAX_VALUE);

    public static KeyScope of(ApiKey callingKey) {
        return new KeyScope(callingKey.prefix(), callingKey.readOnly(), callingKey.allowedIps(), callingKey.expiresAt());
    }

    /** Refuses a new key that would exceed this scope. */
    public void requireCovers(boolean newReadOnly, IpRanges newAllowedIps, long newExpiresAt) {
        if (readOnly && !newReadOnly) {
            throw refused("is read-only: a key it creates must be read-only too");
        }
        if (!allowedIps.covers(newAllowedIps)) {
            throw refused("is limited to " + String.join(", ", allowedIps.asList())
                    + ": a key it creates must be limited to addresses within these");
        }
        if (newExpiresAt > expiresAt) {
            throw refused("expires on " + Instant.ofEpochMilli(expiresAt) + ": a key it creates cannot expire later");
        }
    }

    private Forbidden refused(String why) {
        return new Forbidden("Operation not allowed: the API key " + keyPrefix + "… used for this call " + why);
    }
}
