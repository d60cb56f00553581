package io.sightline.server.auth;

import io.sightline.server.core.Forbidden;
import io.sightline.server.core.Unauthenticated;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Turns credentials into a {@link Principal}. Verified keys and passwords are cached briefly so
 * that the hot path (every API call) costs one map lookup instead of a query or a bcrypt round;
 * key usage is recorded in memory and written in batches.
 */
@Service
public class Authenticator {
    private static final long CACHE_MILLIS = 10_000;
    private static final String WRONG_PASSWORD = "Wrong login or password";

    private record CachedKey(ApiKey key, User user, List<Membership> memberships, long loadedAt) {}
    private record Usage(long at, String ip) {}

    private final ApiKeyRepository keys;
    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final Map<String, CachedKey> keyCache = new ConcurrentHashMap<>();
    private final Map<String, Long> verifiedPasswords = new ConcurrentHashMap<>();
    private final Map<Long, Usage> pendingUsage = new ConcurrentHashMap<>();
    /** A hash of a random password made by the same encoder, hence at the same cost as users' hashes. */
    private final String unknownUserHash;

    public Authenticator(ApiKeyRepository keys, UserRepository users, PasswordEncoder passwords, Clock clock) {
        this.keys = keys;
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
        this.unknownUserHash = passwords.encode(SecretHashing.newPassword());
    }

    public Principal byApiKey(String secret, String clientIp, String organisation) {
        long now = clock.millis();
        String hash = SecretHashing.sha256(secret);
        CachedKey cached = keyCache.get(hash);
        if (cached == null || now - cached.loadedAt > CACHE_MILLIS) {
            ApiKey key = keys.findByHash(hash).orElseThrow(() -> new CredentialsRejected("Invalid API key", "unknown API key"));
            User user = users.findById(key.userId()).orElseThrow(() -> new CredentialsRejected("Invalid API key", "unknown API key"));
            cached = new CachedKey(key, user, users.memberships(user.id()), now);
            keyCache.put(hash, cached);
        }
        ApiKey key = cached.key;
        if (key.revokedAt() != null) {
            throw new Unauthenticated("API key " + key.prefix() + "… was revoked on " + Instant.ofEpochMilli(key.revokedAt()));
        }
        if (key.expiresAt() <= now) {
            throw new Unauthenticated("API key " + key.prefix() + "… expired on " + Instant.ofEpochMilli(key.expiresAt()));
        }
        if (!key.allowedIps().allows(clientIp)) {
            throw new Forbidden("API key " + key.prefix() + "… is not allowed from address " + clientIp
                    + " (allowed: " + String.join(", ", key.allowedIps().asList()) + ")");
        }
        if (cached.user.locked()) throw new Unauthenticated("User " + cached.user.login() + " is locked");
        pendingUsage.put(key.id(), new Usage(now, clientIp));
        return principal(cached.user, cached.memberships, organisation, key.id(), key.readOnly());
    }

    /** An unknown login, or one without password, costs one bcrypt round as a known one does: the time tells nothing. */
    public Principal byPassword(String login, String password, String organisation) {
        User user = users.findByLogin(login).orElse(null);
        if (user == null || user.passwordHash() == null) {
            passwords.matches(password, unknownUserHash);
            throw new CredentialsRejected(WRONG_PASSWORD, user == null ? "unknown login" : "no password set");
        }
        String proof = SecretHashing.sha256(user.id() + "\0" + password + "\0" + user.passwordHash());
        if (!verifiedPasswords.containsKey(proof)) {
            if (!passwords.matches(password, user.passwordHash())) throw new CredentialsRejected(WRONG_PASSWORD, "wrong password");
            if (verifiedPasswords.size() > 10_000) verifiedPasswords.clear();
            verifiedPasswords.put(proof, user.id());
        }
        if (user.locked()) throw new Unauthenticated("User " + user.login() + " is locked");
        return principal(user, users.memberships(user.id()), organisation, null, false);
    }

    /** Builds the principal of a user in the requested organisation (or their default one, or their first one). */
    public Principal principal(User user, List<Membership> memberships, String organisation, Long keyId, boolean readOnly) {
        if (memberships.isEmpty()) throw new Forbidden("User " + user.login() + " belongs to no organisation");
        Membership chosen = memberships.stream().filter(Membership::isDefault).findFirst().orElse(memberships.get(0));
        if (organisation != null && !organisation.isBlank()) {
            chosen = memberships.stream().filter(m -> m.orgName().equals(organisation)).findFirst()
                    .orElseThrow(() -> new Forbidden("User " + user.login() + " is not a member of organisation " + organisation));
        }
        return new Principal(user.id(), user.login(), user.name(), chosen.orgId(), chosen.orgName(), chosen.profile(), keyId, readOnly);
    }

    /** Forgets cached credentials after a change (revocation, lock, profile change). */
    public void invalidate() {
        keyCache.clear();
        verifiedPasswords.clear();
    }

    @Scheduled(fixedDelay = 5_000)
    public void flushUsage() {
        for (Long id : List.copyOf(pendingUsage.keySet())) {
            Usage u = pendingUsage.remove(id);
            if (u != null) keys.markUsed(id, u.at, u.ip);
        }
    }
}
