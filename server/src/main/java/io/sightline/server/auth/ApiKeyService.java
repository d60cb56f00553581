package io.sightline.server.auth;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import io.sightline.server.core.Unauthenticated;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** API keys modelled on MISP's advanced auth keys: several per user, hashed, shown once. */
@Service
public class ApiKeyService {
    /** A new key: the secret is returned here and never again. */
    public record Created(ApiKey key, String secret) {}

    private final ApiKeyRepository keys;
    private final Authenticator authenticator;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration defaultValidity;
    private final Duration maxValidity;

    public ApiKeyService(ApiKeyRepository keys, Authenticator authenticator, AuditLog audit, Clock clock,
                         @Value("${sightline.api-keys.default-validity}") String defaultValidity,
                         @Value("${sightline.api-keys.max-validity}") String maxValidity) {
        this.keys = keys;
        this.authenticator = authenticator;
        this.audit = audit;
        this.clock = clock;
        this.defaultValidity = DurationStyle.detectAndParse(defaultValidity);
        this.maxValidity = DurationStyle.detectAndParse(maxValidity);
    }

    /**
     * A new key within the caller's {@link KeyScope}; a field left out (null) takes the caller's limit.
     *
     * @param allowedIps CIDR ranges, or null for those of the calling key (none for a password or session login)
     * @param expiresAt epoch millis, or null for the default validity (at most the calling key's expiry)
     * @param readOnly or null for the calling key's
     * @param secret a caller-chosen secret (first-start automation), or null for a random one
     */
    @Transactional
    public Created create(Principal actor, User owner, String comment, List<String> allowedIps, Long expiresAt,
                          Boolean readOnly, String secret) {
        long now = clock.millis();
        KeyScope scope = scopeOf(actor);
        long expiry = expiresAt != null ? expiresAt : Math.min(now + defaultValidity.toMillis(), scope.expiresAt());
        if (expiry <= now) throw new Invalid("Expiry of an API key must be in the future");
        if (expiry > now + maxValidity.toMillis()) {
            throw new Invalid("Expiry of an API key may be at most " + maxValidity.toDays() + " days from now");
        }
        String plain = secret != null ? secret : SecretHashing.newApiKey();
        if (plain.length() < 16) throw new Invalid("An API key must have at least 16 characters");
        IpRanges ranges = allowedIps == null ? scope.allowedIps() : IpRanges.parse(allowedIps);
        boolean keyReadOnly = readOnly != null ? readOnly : scope.readOnly();
        scope.requireCovers(keyReadOnly, ranges, expiry);
        long id = keys.insert(owner.id(), SecretHashing.prefixOf(plain), SecretHashing.sha256(plain),
                comment == null ? "" : comment, ranges, keyReadOnly, now, expiry);
        ApiKey key = keys.findById(id).orElseThrow();
        audit.record(actor == null ? null : actor.orgId(), actor == null ? "system" : actor.login(), "create", "apiKey",
                "~" + id, null, ApiKeyView.of(key));
        return new Created(key, plain);
    }

    /** The limits of the key the caller authenticated with; none for a password or session login. */
    KeyScope scopeOf(Principal actor) {
        if (actor == null || actor.apiKeyId() == null) return KeyScope.UNRESTRICTED;
        return keys.findById(actor.apiKeyId()).map(KeyScope::of)
                .orElseThrow(() -> new Unauthenticated("Invalid API key"));
    }

    public List<ApiKey> ofUser(long userId) {
        return keys.ofUser(userId);
    }

    @Transactional
    public ApiKey revoke(Principal actor, long userId, long keyId) {
        ApiKey key = keys.findById(keyId).filter(k -> k.userId() == userId)
                .orElseThrow(() -> new NotFound("API key ~" + keyId + " not found"));
        keys.revoke(keyId, clock.millis());
        authenticator.invalidate();
        ApiKey after = keys.findById(keyId).orElseThrow();
        audit.record(actor, "revoke", "apiKey", "~" + keyId, ApiKeyView.of(key), ApiKeyView.of(after));
        return after;
    }

    /**
     * TheHive's "renew": the user's other keys are revoked and one new key is made, within the
     * caller's scope (a key renewing keeps its own addresses and expiry in the new key).
     */
    @Transactional
    public Created renew(Principal actor, User owner) {
        keys.revokeAllOfUser(owner.id(), clock.millis());
        authenticator.invalidate();
        return create(actor, owner, "renewed", null, null, false, null);
    }

    /** The user's most recently made key that still opens a session, if any. */
    public Optional<ApiKey> newestUsable(long userId) {
        long now = clock.millis();
        return keys.ofUser(userId).stream().filter(k -> k.revokedAt() == null && k.expiresAt() > now).findFirst();
    }

    /** Whether the user holds a key that still opens a session: not revoked, not expired. */
    public boolean hasUsableKey(long userId) {
        return keys.hasUsable(userId, clock.millis());
    }

    /**
     * TheHive's one-key "remove": every usable key of the user is revoked, each audited as a single
     * revocation would be; a user without one is a 404.
     */
    @Transactional
    public void revokeAll(Principal actor, User owner) {
        long now = clock.millis();
        List<ApiKey> usable = keys.ofUser(owner.id()).stream().filter(k -> k.revokedAt() == null && k.expiresAt() > now).toList();
        if (usable.isEmpty()) throw new NotFound("User " + owner.login() + " has no API key");
        for (ApiKey k : usable) revoke(actor, owner.id(), k.id());
    }
}
