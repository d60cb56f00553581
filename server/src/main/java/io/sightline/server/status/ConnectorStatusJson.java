package io.sightline.server.status;

import io.sightline.server.connectors.spi.ConnectorHealth;
import io.sightline.server.connectors.spi.FailingReport;
import io.sightline.server.connectors.spi.ServerHealth;
import io.sightline.server.connectors.spi.SyncSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A connector's entry under {@code connectors.<name>} of {@code GET /api/status}, TheHive's
 * {@code {enabled, status, servers[]}}, mapped from the typed {@link ConnectorHealth}. Dates are
 * epoch milliseconds; TheHive clients ignore the keys they do not know.
 */
public final class ConnectorStatusJson {
    private ConnectorStatusJson() {}

    /** For an authenticated caller: each server's URL, purpose, version and last error, and the sync summary. */
    public static Map<String, Object> full(ConnectorHealth h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", h.enabled());
        if (!h.enabled()) return m;
        m.put("status", h.status().name());
        m.put("servers", h.servers().stream().map(ServerHealth::toStatusJson).toList());
        if (h.sync() != null) putSync(m, h, h.sync());
        return m;
    }

    /** For anyone: which servers there are and a status word for each, nothing a remote system wrote. */
    public static Map<String, Object> withoutDetails(ConnectorHealth h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", h.enabled());
        if (!h.enabled()) return m;
        m.put("status", h.status().name());
        List<Map<String, Object>> servers = h.servers().stream().map(s -> {
            Map<String, Object> server = new LinkedHashMap<>();
            server.put("name", s.name());
            server.put("status", s.status().name());
            return server;
        }).toList();
        m.put("servers", servers);
        return m;
    }

    private static void putSync(Map<String, Object> m, ConnectorHealth h, SyncSummary sync) {
        if (h.lastSuccessAt() != null) m.put("lastSuccessAt", h.lastSuccessAt().toEpochMilli());
        sync.stalestLag().ifPresent(lag -> m.put("lagMillis", lag.toMillis()));
        sync.latestError().ifPresent(p -> {
            m.put("lastError", p.lastError());
            m.put("lastErrorAt", p.lastErrorAt().toEpochMilli());
        });
        m.put("counters", h.counters());
        if (!sync.failingReports().isEmpty()) {
            m.put("failedReports", sync.failingReports().stream().map(ConnectorStatusJson::failingReport).toList());
        }
    }

    private static Map<String, Object> failingReport(FailingReport f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dossierId", f.dossierId());
        m.put("reportId", f.reportId());
        m.put("name", f.name());
        m.put("failedRuns", f.failedRuns());
        m.put("setAside", f.setAside());
        m.put("lastError", f.lastError());
        if (f.lastFailedAt() != null) m.put("lastFailedAt", f.lastFailedAt().toEpochMilli());
        return m;
    }
}
