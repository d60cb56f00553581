package io.sightline.server.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/** An API key as shown to users: never the secret, only its recognisable prefix. */
public final class ApiKeyView {
    private ApiKeyView() {}

    public static Map<String, Object> of(ApiKey k) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", "~" + k.id());
        out.put("_type", "ApiKey");
        out.put("prefix", k.prefix());
        out.put("comment", k.comment());
        out.put("allowedIps", k.allowedIps().asList());
        out.put("readOnly", k.readOnly());
        out.put("createdAt", k.createdAt());
        out.put("expiresAt", k.expiresAt());
        if (k.revokedAt() != null) out.put("revokedAt", k.revokedAt());
        if (k.lastUsedAt() != null) out.put("lastUsedAt", k.lastUsedAt());
        if (k.lastUsedIp() != null) out.put("lastUsedIp", k.lastUsedIp());
        return out;
    }

    /**
     * TheHive's one-key "get" answer: the key's listed prefix with an ellipsis and a hint, which
     * names the key without being one (a key is never shown after it was made).
     */
    public static String masked(ApiKey k) {
        return k.prefix() + "… (API key ~" + k.id() + "; keys are shown only once, when made or renewed)";
    }
}
