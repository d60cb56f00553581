package io.sightline.server.connectors;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A connector's health at one instant: a value, rendered by {@code GET /api/status} (TheHive's
 * shape), {@code GET /api/v1/connector}, {@code /actuator/health} and the metrics.
 *
 * <p>Aggregate {@link #status()}: {@code CHECKING} until at least one server has been checked;
 * then, over the checked servers, all OK gives {@code OK}, some OK gives {@code WARNING}, none OK
 * gives {@code ERROR} (TheHive's rule). A connector in FAILED state is {@code ERROR}; an OK
 * connector whose last run of a partition failed is {@code WARNING}.
 */
public record ConnectorHealth(String name, boolean enabled, ConnectorState state, String stateReason,
                              Instant stateSince, String status, Instant lastSuccessAt, List<ServerHealth> servers,
                              List<PartitionHealth> partitions, Map<String, Long> counters) {

    public static final String OK = "OK";
    public static final String WARNING = "WARNING";
    public static final String ERROR = "ERROR";
    public static final String CHECKING = "CHECKING";

    static String aggregate(ConnectorState state, List<ServerHealth> servers, List<PartitionHealth> partitions) {
        if (state == ConnectorState.FAILED) return ERROR;
        long checked = servers.stream().filter(s -> s.status() != ServerStatus.CHECKING).count();
        long ok = servers.stream().filter(s -> s.status() == ServerStatus.OK).count();
        String status;
        if (servers.isEmpty()) status = state == ConnectorState.RUNNING ? OK : CHECKING;
        else if (checked == 0) status = CHECKING;
        else if (ok == checked) status = OK;
        else status = ok > 0 ? WARNING : ERROR;
        boolean failing = partitions.stream().anyMatch(p -> p.consecutiveFailures() > 0);
        return status.equals(OK) && failing ? WARNING : status;
    }

    /** The entry under {@code connectors.<name>} of {@code GET /api/status}; never holds a secret. */
    public Map<String, Object> theHiveStatus() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", enabled);
        if (!enabled) return m;
        m.put("status", status);
        m.put("servers", servers.stream().map(ServerHealth::toStatusJson).toList());
        return m;
    }

    /** Everything, for {@code GET /api/v1/connector}. Dates are epoch milliseconds. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("enabled", enabled);
        m.put("state", state.name());
        if (stateReason != null) m.put("stateReason", stateReason);
        if (stateSince != null) m.put("stateSince", stateSince.toEpochMilli());
        m.put("status", status);
        if (lastSuccessAt != null) m.put("lastSuccessAt", lastSuccessAt.toEpochMilli());
        m.put("servers", servers.stream().map(ServerHealth::toStatusJson).toList());
        m.put("partitions", partitions.stream().map(PartitionHealth::toJson).toList());
        m.put("counters", counters);
        return m;
    }
}
