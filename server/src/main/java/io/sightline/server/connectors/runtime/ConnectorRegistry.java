package io.sightline.server.connectors.runtime;

import io.sightline.server.connectors.spi.Connector;
import io.sightline.server.connectors.spi.ConnectorContext;
import io.sightline.server.connectors.spi.ConnectorState;
import io.sightline.server.connectors.spi.FailureReason;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds every {@link Connector} bean, starts the enabled ones once the application is ready and
 * stops them when it closes. A connector that fails to start is marked FAILED with the reason;
 * the hub and the other connectors keep running.
 */
@Service
public class ConnectorRegistry {
    private static final Logger log = LoggerFactory.getLogger(ConnectorRegistry.class);

    private final Map<String, Connector> connectors = new LinkedHashMap<>();
    private final Map<String, RuntimeConnectorContext> contexts = new LinkedHashMap<>();

    public ConnectorRegistry(List<Connector> connectors, CheckpointStore checkpoints, TransactionTemplate transactions,
                             PartitionLocks connectorLocks, Clock clock) {
        for (Connector c : connectors) {
            if (this.connectors.putIfAbsent(c.name(), c) != null) {
                throw new IllegalStateException("Two connectors are named " + c.name());
            }
            contexts.put(c.name(), new RuntimeConnectorContext(c, checkpoints, transactions, connectorLocks, clock));
        }
    }

    public List<Connector> all() {
        return List.copyOf(connectors.values());
    }

    public Optional<Connector> find(String name) {
        return Optional.ofNullable(connectors.get(name));
    }

    @EventListener(ApplicationReadyEvent.class)
    public void startAll() {
        for (Connector c : connectors.values()) {
            if (!c.enabled()) {
                log.info("Connector {} is not configured; not started", c.name());
                continue;
            }
            c.health().state(ConnectorState.STARTING, null);
            try {
                c.start(contexts.get(c.name()));
                if (c.health().state() == ConnectorState.STARTING) c.health().state(ConnectorState.RUNNING, null);
                log.info("Connector {} started", c.name());
            } catch (Exception | LinkageError e) {
                String reason = FailureReason.of(e);
                c.health().state(ConnectorState.FAILED, "start failed: " + reason);
                contexts.get(c.name()).stopSchedulers();
                log.error("Connector {} failed to start: {}", c.name(), c.health().scrub(reason));
            }
        }
    }

    @EventListener(ContextClosedEvent.class)
    public void stopAll() {
        for (Connector c : connectors.values()) {
            ConnectorState state = c.health().state();
            if (state == ConnectorState.STOPPED) continue;
            contexts.get(c.name()).stopSchedulers();
            try {
                c.stop();
            } catch (RuntimeException e) {
                log.warn("Connector {} did not stop cleanly: {}", c.name(), c.health().scrub(FailureReason.of(e)));
            }
            if (state != ConnectorState.FAILED) c.health().state(ConnectorState.STOPPED, null);
        }
    }
}
