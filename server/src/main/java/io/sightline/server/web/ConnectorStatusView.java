package io.sightline.server.web;

import io.sightline.server.connectors.spi.Connector;
import io.sightline.server.connectors.spi.ConnectorHealth;
import io.sightline.server.connectors.spi.ConnectorState;
import io.sightline.server.connectors.spi.FailingReport;
import io.sightline.server.connectors.spi.ServerHealth;
import io.sightline.server.connectors.spi.ServerStatus;
import java.util.List;

/**
 * A connector's health as the About page shows it, mapped from the typed {@link ConnectorHealth}:
 * each server as {@code name – version (STATUS)} with its last error when it is not OK.
 *
 * @param lastSync the last successful run (epoch millis), or null
 * @param nextSync the soonest planned run (epoch millis), or null
 * @param error    why the connector itself failed (start-up), or why its health could not be read
 */
public record ConnectorStatusView(String name, boolean enabled, String status, List<Server> servers, Long lastSync,
                                  Long nextSync, String error, List<FailingReport> failedReports) {

    public record Server(String name, String version, String status, String reason, String url) {
        public boolean ok() {
            return ServerStatus.OK.name().equals(status);
        }
    }

    public boolean ok() {
        return "OK".equals(status);
    }

    /** The connector's current health; a connector whose health cannot be read shows as ERROR with why. */
    static ConnectorStatusView of(Connector connector) {
        ConnectorHealth health;
        try {
            health = connector.currentHealth();
        } catch (RuntimeException e) {
            return new ConnectorStatusView(connector.name(), true, "ERROR", List.of(), null, null,
                    "Status unavailable: " + e.getClass().getSimpleName(), List.of());
        }
        return of(connector.name(), health);
    }

    static ConnectorStatusView of(String name, ConnectorHealth h) {
        List<Server> servers = h.servers().stream().map(ConnectorStatusView::server).toList();
        String error = h.state() == ConnectorState.FAILED ? h.stateReason() : null;
        List<FailingReport> failing = h.sync() == null ? List.of() : h.sync().failingReports();
        return new ConnectorStatusView(name, h.enabled(), h.status().name(), servers, millis(h.lastSuccessAt()),
                millis(h.nextRunAt()), error, failing);
    }

    private static Server server(ServerHealth s) {
        Object url = s.details().get("url");
        return new Server(s.name(), s.version(), s.status().name(), s.lastError(), url == null ? null : url.toString());
    }

    private static Long millis(java.time.Instant at) {
        return at == null ? null : at.toEpochMilli();
    }
}
