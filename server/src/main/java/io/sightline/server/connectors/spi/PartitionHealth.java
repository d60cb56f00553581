package io.sightline.server.connectors.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One partition (a MISP server, a Stixify dossier) as its scheduler last ran it.
 *
 * @param lag                 time since the last successful run ended (null before the first)
 * @param consecutiveFailures failed runs since the last success; drives the retry backoff
 * @param lastSkip            why the last planned run did not happen (e.g. another instance held
 *                            the partition's lock), null if it ran
 * @param counters            per-partition counters such as {@code imported}, {@code failed}
 */
public record PartitionHealth(String partition, boolean running, Instant lastRunAt, Instant lastSuccessAt,
                              Duration lag, String lastError, Instant lastErrorAt, int consecutiveFailures,
                              String lastSkip, Instant nextRunAt, Map<String, Long> counters) {

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("partition", partition);
        m.put("running", running);
        put(m, "lastRunAt", lastRunAt);
        put(m, "lastSuccessAt", lastSuccessAt);
        if (lag != null) m.put("lagMillis", lag.toMillis());
        if (lastError != null) m.put("lastError", lastError);
        put(m, "lastErrorAt", lastErrorAt);
        m.put("consecutiveFailures", consecutiveFailures);
        if (lastSkip != null) m.put("lastSkip", lastSkip);
        put(m, "nextRunAt", nextRunAt);
        m.put("counters", counters);
        return m;
    }

    private static void put(Map<String, Object> m, String key, Instant value) {
        if (value != null) m.put(key, value.toEpochMilli());
    }
}
