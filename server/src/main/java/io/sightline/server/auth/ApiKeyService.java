package io.sightline.server.auth;

import io.sightline.server.api.ApiException;
import io.sightline.server.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
     * @param expiresAt epoch millis, or null for the default validity
     * @param secret a caller-chosen secret (first-start automation), or null for a random one
     */
    @Transactional
    public Created create(Principal actor, User owner, String comment, List<String> allowedIps, Long expiresAt,
                          boolean readOnly, String secret) {
        long now = clock.millis();
        long expiry = expiresAt != null ? expiresAt : now + defaultValidity.toMillis();
        if (expiry <= now) throw ApiException.invalid("Expiry of an API key must be in the future");
        if (expiry > now + maxValidity.toMillis()) {
            throw ApiException.invalid("Expiry of an API key may be at most " + maxValidity.toDays() + " days from now");
        }
        String plain = secret != null ? secret : SecretHashing.newApiKey();
        if (plain.length() < 16) throw ApiException.invalid("An API key must have at least 16 characters");
        IpRanges ranges = IpRanges.parse(allowedIps == null ? List.of() : allowedIps);
        long id = keys.insert(owner.id(), SecretHashing.prefixOf(plain), SecretHashing.sha256(plain),
                comment == null ? "" : comment, ranges, readOnly, now, expiry);
        ApiKey key = keys.findById(id).orElseThrow();
        audit.record(actor == null ? null : actor.orgId(), actor == null ? "system" : actor.login(), "create", "apiKey",
                "~" + id, null, ApiKeyView.of(key));
        return new Created(key, plain);
    }

    public List<ApiKey> ofUser(long userId) {
        return keys.ofUser(userId);
    }

    @Transactional
    public ApiKey revoke(Principal actor, long userId, long keyId) {
        ApiKey key = keys.findById(keyId).filter(k -> k.userId() == userId)
                .orElseThrow(() -> ApiException.notFound("API key ~" + keyId + " not found"));
        keys.revoke(keyId, clock.millis());
        authenticator.invalidate();
        ApiKey after = keys.findById(keyId).orElseThrow();
        audit.record(actor, "revoke", "apiKey", "~" + keyId, ApiKeyView.of(key), ApiKeyView.of(after));
        return after;
    }

    /** TheHive's "renew": the user's other keys are revoked and one new key is made. */
    @Transactional
    public Created renew(Principal actor, User owner) {
        keys.revokeAllOfUser(owner.id(), clock.millis());
        authenticator.invalidate();
        return create(actor, owner, "renewed", List.of(), null, false, null);
    }
}
