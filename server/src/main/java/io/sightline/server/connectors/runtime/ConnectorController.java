package io.sightline.server.connectors.runtime;

import io.sightline.server.connectors.spi.Checkpoint;
import io.sightline.server.connectors.spi.Connector;
import io.sightline.server.connectors.spi.PartitionScheduler;
import io.sightline.server.connectors.spi.ServerHealth;

import io.sightline.server.api.JsonInput;
import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.core.Busy;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import io.sightline.server.core.Refused;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Admin API of the connector runtime (permission {@code manageConfig}):
 * <ul>
 *   <li>{@code GET /api/v1/connector}: every connector's health;</li>
 *   <li>{@code GET /api/v1/connector/{name}}: one connector's health;</li>
 *   <li>{@code POST /api/v1/connector/{name}/test}: checks every server now;</li>
 *   <li>{@code GET /api/v1/connector/{name}/checkpoint}: the partitions' checkpoints;</li>
 *   <li>{@code PUT /api/v1/connector/{name}/checkpoint/{partition}} with {@code {"value": "..."}}
 *       or {@code {"date": epochMillis | "2024-05-01" | "2024-05-01T00:00:00Z"}}: resets a
 *       checkpoint (audited); refused with 409 while the partition is being synced.</li>
 * </ul>
 */
@RestController
public class ConnectorController {
    private final ConnectorRegistry registry;
    private final CheckpointStore checkpoints;
    private final TransactionTemplate transactions;
    private final PartitionLocks locks;
    private final AuditLog audit;
    private final ConnectionTester tester;

    public ConnectorController(ConnectorRegistry registry, CheckpointStore checkpoints, TransactionTemplate transactions,
                               PartitionLocks connectorLocks, AuditLog audit, ConnectionTester tester) {
        this.tester = tester;
        this.registry = registry;
        this.checkpoints = checkpoints;
        this.transactions = transactions;
        this.locks = connectorLocks;
        this.audit = audit;
    }

    @GetMapping("/api/v1/connector")
    public List<Map<String, Object>> list() {
        CurrentPrincipal.require(Permission.MANAGE_CONFIG);
        return registry.all().stream().map(c -> c.health().snapshot().toJson()).toList();
    }

    @GetMapping("/api/v1/connector/{name}")
    public Map<String, Object> get(@PathVariable String name) {
        CurrentPrincipal.require(Permission.MANAGE_CONFIG);
        return connector(name).health().snapshot().toJson();
    }

    @PostMapping("/api/v1/connector/{name}/test")
    public Map<String, Object> test(@PathVariable String name) {
        ConnectionTester.ConnectionTest test = tester.test(CurrentPrincipal.require(Permission.MANAGE_CONFIG), name);
        switch (test.outcome()) {
            case UNKNOWN_CONNECTOR -> throw new NotFound(test.refusal());
            case DISABLED -> throw new Refused(test.refusal());
            case NOT_ALLOWED -> throw new IllegalStateException("the permission was required above");
            case TESTED -> { }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("status", test.status().name());
        out.put("servers", test.servers().stream().map(ServerHealth::toStatusJson).toList());
        return out;
    }

    @GetMapping("/api/v1/connector/{name}/checkpoint")
    public List<Map<String, Object>> checkpoints(@PathVariable String name) {
        CurrentPrincipal.require(Permission.MANAGE_CONFIG);
        connector(name);
        return checkpoints.list(name).stream().map(Checkpoint::toJson).toList();
    }

    @PutMapping("/api/v1/connector/{name}/checkpoint/{partition}")
    public Map<String, Object> reset(@PathVariable String name, @PathVariable String partition,
                                     @RequestBody(required = false) JsonNode body) {
        Principal who = CurrentPrincipal.require(Permission.MANAGE_CONFIG);
        Connector c = connector(name);
        JsonInput in = JsonInput.of(body, "checkpoint", Set.of("value", "date"));
        if (in.hasValue("value") == in.hasValue("date")) {
            throw new Invalid("Give either value (the connector's checkpoint as stored) or date (epoch "
                    + "milliseconds or ISO-8601), not both and not neither");
        }
        if (partition.isBlank() || partition.length() > 255) throw new Invalid("Partition name must have 1 to 255 characters");
        String value = in.hasValue("value") ? in.requiredString("value", Checkpoint.MAX_VALUE_LENGTH)
                : c.checkpointForDate(date(in.raw("date")));
        Optional<PartitionLocks.Lease> lock = locks.acquire(LockedPartitionScheduler.lockName(name, partition));
        if (lock.isEmpty()) {
            throw new Busy("Partition " + partition + " of connector " + name
                    + " is being synced right now; try again when the run has finished");
        }
        try {
            Checkpoint after = transactions.execute(tx -> {
                Optional<Checkpoint> before = checkpoints.get(name, partition);
                Checkpoint saved = checkpoints.reset(name, partition, value, "admin:" + who.login());
                audit.record(who, "update", "ConnectorCheckpoint", name + "/" + partition,
                        before.map(b -> Map.of("value", b.value())).orElse(Map.of()), Map.of("value", saved.value()));
                return saved;
            });
            return after.toJson();
        } finally {
            lock.get().release();
        }
    }

    private Connector connector(String name) {
        return registry.find(name).orElseThrow(() -> new NotFound("Connector " + name + " not found"));
    }

    private static Instant date(JsonNode node) {
        if (node.isIntegralNumber()) return Instant.ofEpochMilli(node.asLong());
        if (node.isString()) {
            String s = node.stringValue().strip();
            try {
                return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(s);
            } catch (DateTimeParseException e) {
                throw new Invalid("Field date of checkpoint must be epoch milliseconds, a date such as "
                        + "2024-05-01 or an instant such as 2024-05-01T00:00:00Z; got '" + s + "'");
            }
        }
        throw new Invalid("Field date of checkpoint must be a number (epoch milliseconds) or a string (ISO-8601)");
    }
}
