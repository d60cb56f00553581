package io.sightline.server.auth;

/** A stored API key: the secret itself is never stored, only its hash and a short prefix. */
public record ApiKey(long id, long userId, String prefix, String secretHash, String comment, IpRanges allowedIps,
                     boolean readOnly, long createdAt, long expiresAt, Long revokedAt, Long lastUsedAt, String lastUsedIp) {
    @Override
    public String toString() {
        return "ApiKey[" + prefix + "…]";
    }
}
