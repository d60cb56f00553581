package io.sightline.server.web;

import io.sightline.server.connectors.Connector;
import io.sightline.server.status.ConnectorStatusSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A connector's status in TheHive's {@code {enabled, status, servers[]}} shape, read defensively
 * for display: each server as {@code name – version (STATUS)} with the reason when it is not OK.
 */
public record ConnectorStatusView(String name, boolean enabled, String status, List<Server> servers, Object lastSync,
                                  Object nextSync, String error, List<FailedReport> failedReports) {

    /** A report a connector keeps failing on (Stixify: set aside after 3 failed runs), as its status lists it. */
    public record FailedReport(String dossierId, String reportId, String name, String failedRuns, boolean setAside,
                               String lastError) {}

    public record Server(String name, String version, String status, String reason, String url) {
        public boolean ok() {
            return "OK".equals(status);
        }
    }

    public boolean ok() {
        return "OK".equals(status);
    }

    static ConnectorStatusView of(ConnectorStatusSource source) {
        Map<String, Object> s;
        try {
            s = source.status();
        } catch (RuntimeException e) {
            return new ConnectorStatusView(source.name(), true, "ERROR", List.of(), null, null,
                    "Status unavailable: " + e.getClass().getSimpleName(), List.of());
        }
        if (s == null) s = Map.of();
        List<Server> servers = new ArrayList<>();
        if (s.get("servers") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    servers.add(new Server(text(m.get("name")), text(m.get("version")), upper(m.get("status")),
                            firstText(m, "reason", "lastError", "error", "message"), text(m.get("url"))));
                }
            }
        }
        boolean enabled = !Boolean.FALSE.equals(s.get("enabled")) && !Boolean.FALSE.equals(s.get("enable"));
        Object lastSync = s.get("lastSync");
        Object nextSync = s.get("nextSync");
        if (source instanceof Connector c) {
            Map<String, Object> health = c.health().snapshot().toJson();
            lastSync = health.get("lastSuccessAt");
            nextSync = earliestNextRun(health.get("partitions"));
        }
        List<FailedReport> failed = new ArrayList<>();
        if (s.get("failedReports") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    failed.add(new FailedReport(text(m.get("dossierId")), text(m.get("reportId")), text(m.get("name")),
                            text(m.get("failedRuns")), Boolean.TRUE.equals(m.get("setAside")), text(m.get("lastError"))));
                }
            }
        }
        return new ConnectorStatusView(source.name(), enabled, upper(s.get("status")), servers,
                lastSync, nextSync, firstText(s, "reason", "error"), List.copyOf(failed));
    }

    /** The soonest planned run over the connector's partitions (epoch millis), or null. */
    private static Object earliestNextRun(Object partitions) {
        Long soonest = null;
        if (partitions instanceof List<?> list) {
            for (Object p : list) {
                if (p instanceof Map<?, ?> m && m.get("nextRunAt") instanceof Number n && (soonest == null || n.longValue() < soonest)) {
                    soonest = n.longValue();
                }
            }
        }
        return soonest;
    }

    private static String firstText(Map<?, ?> m, String... keys) {
        for (String k : keys) {
            String v = text(m.get(k));
            if (v != null && !v.isBlank()) return v;
        }
        return null;
    }

    private static String upper(Object o) {
        String t = text(o);
        return t == null || t.isBlank() ? "UNKNOWN" : t.toUpperCase(java.util.Locale.ROOT);
    }

    private static String text(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
