package io.sightline.server.connectors.spi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One remote server as last seen.
 *
 * @param version     the server's version, null until known
 * @param lastError   human reason of the last failure (e.g. "TLS handshake failed: certificate
 *                    not trusted"), kept after recovery so the admin sees what happened
 * @param details     non-secret facts shown in status, e.g. {@code url}, {@code purpose}
 */
public record ServerHealth(String name, ServerStatus status, String version, Instant checkedAt, Instant lastOkAt,
                           String lastError, Instant lastErrorAt, Map<String, Object> details) {

    /** TheHive's server entry ({@code name, version, status, url, purpose}) plus the last error. */
    public Map<String, Object> toStatusJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("version", version == null ? "" : version);
        m.put("status", status.name());
        m.putAll(details);
        if (lastError != null) {
            m.put("lastError", lastError);
            m.put("lastErrorAt", lastErrorAt.toEpochMilli());
        }
        if (lastOkAt != null) m.put("lastOkAt", lastOkAt.toEpochMilli());
        if (checkedAt != null) m.put("checkedAt", checkedAt.toEpochMilli());
        return m;
    }
}
