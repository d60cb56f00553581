package io.sightline.server.connectors.spi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A connector's health at one instant: the typed value every reader maps from ({@code GET
 * /api/status} in TheHive's shape, the About page, {@code GET /api/v1/connector},
 * {@code /actuator/health} and the metrics). It never holds a secret: reasons are scrubbed by the
 * {@link HealthTracker} before they are stored.
 *
 * <p>Aggregate {@link #status()}: {@code CHECKING} until at least one server has been checked;
 * then, over the checked servers, all OK gives {@code OK}, some OK gives {@code WARNING}, none OK
 * gives {@code ERROR} (TheHive's rule). A connector in FAILED state is {@code ERROR}; an OK
 * connector whose last run of a partition failed is {@code WARNING}.
 *
 * @param sync what a syncing connector adds to its status, null for the others
 */
public record ConnectorHealth(String name, boolean enabled, ConnectorState state, String stateReason,
                              Instant stateSince, HealthStatus status, Instant lastSuccessAt, List<ServerHealth> servers,
                              List<PartitionHealth> partitions, Map<String, Long> counters, SyncSummary sync) {

    static HealthStatus aggregate(ConnectorState state, List<ServerHealth> servers, List<PartitionHealth> partitions) {
        if (state == ConnectorState.FAILED) return HealthStatus.ERROR;
        long checked = servers.stream().filter(s -> s.status() != ServerStatus.CHECKING).count();
        long ok = servers.stream().filter(s -> s.status() == ServerStatus.OK).count();
        HealthStatus status;
        if (servers.isEmpty()) status = state == ConnectorState.RUNNING ? HealthStatus.OK : HealthStatus.CHECKING;
        else if (checked == 0) status = HealthStatus.CHECKING;
        else if (ok == checked) status = HealthStatus.OK;
        else status = ok > 0 ? HealthStatus.WARNING : HealthStatus.ERROR;
        boolean failing = partitions.stream().anyMatch(p -> p.consecutiveFailures() > 0);
        return status == HealthStatus.OK && failing ? HealthStatus.WARNING : status;
    }

    /** This health with the sync summary of its partitions and the given failing reports. */
    public ConnectorHealth withSync(List<FailingReport> failingReports) {
        return new ConnectorHealth(name, enabled, state, stateReason, stateSince, status, lastSuccessAt, servers,
                partitions, counters, SyncSummary.of(partitions, failingReports));
    }

    /** The soonest planned run over the partitions, or null. */
    public Instant nextRunAt() {
        return partitions.stream().map(PartitionHealth::nextRunAt).filter(java.util.Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
    }

    /** Everything, for {@code GET /api/v1/connector}. Dates are epoch milliseconds. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("enabled", enabled);
        m.put("state", state.name());
        if (stateReason != null) m.put("stateReason", stateReason);
        if (stateSince != null) m.put("stateSince", stateSince.toEpochMilli());
        m.put("status", status.name());
        if (lastSuccessAt != null) m.put("lastSuccessAt", lastSuccessAt.toEpochMilli());
        m.put("servers", servers.stream().map(ServerHealth::toStatusJson).toList());
        m.put("partitions", partitions.stream().map(PartitionHealth::toJson).toList());
        m.put("counters", counters);
        return m;
    }
}
