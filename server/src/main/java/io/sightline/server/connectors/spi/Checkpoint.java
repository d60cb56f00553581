package io.sightline.server.connectors.spi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a partition's sync has reached, as the connector encodes it (an epoch-seconds timestamp
 * for MISP, a {@code modified} cursor for a Stixify dossier...).
 *
 * @param updatedBy the hub instance that committed it, or {@code admin:<login>} after a reset
 */
public record Checkpoint(String connector, String partition, String value, Instant updatedAt, String updatedBy) {
    /** The longest value stored; a connector encodes its position within it. */
    public static final int MAX_VALUE_LENGTH = 4000;

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("connector", connector);
        m.put("partition", partition);
        m.put("value", value);
        m.put("updatedAt", updatedAt.toEpochMilli());
        m.put("updatedBy", updatedBy);
        return m;
    }
}
