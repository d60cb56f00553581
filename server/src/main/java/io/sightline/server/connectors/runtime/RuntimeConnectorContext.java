package io.sightline.server.connectors.runtime;

import io.sightline.server.connectors.spi.Checkpoint;
import io.sightline.server.connectors.spi.Connector;
import io.sightline.server.connectors.spi.ConnectorContext;
import io.sightline.server.connectors.spi.ConnectorState;
import io.sightline.server.connectors.spi.FailureReason;
import io.sightline.server.connectors.spi.PartitionScheduler;
import io.sightline.server.connectors.spi.PartitionTask;
import io.sightline.server.connectors.spi.SchedulePolicy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/** The runtime's {@link ConnectorContext}: one per started connector, created by the registry. */
final class RuntimeConnectorContext implements ConnectorContext {
    private final Connector connector;
    private final CheckpointStore checkpoints;
    private final TransactionTemplate transactions;
    private final PartitionLocks locks;
    private final Clock clock;
    private static final Logger log = LoggerFactory.getLogger(RuntimeConnectorContext.class);

    private final List<LockedPartitionScheduler> schedulers = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService local;

    RuntimeConnectorContext(Connector connector, CheckpointStore checkpoints, TransactionTemplate transactions,
                     PartitionLocks locks, Clock clock) {
        this.connector = connector;
        this.checkpoints = checkpoints;
        this.transactions = transactions;
        this.locks = locks;
        this.clock = clock;
    }

    @Override
    public String connectorName() {
        return connector.name();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public TransactionTemplate transactions() {
        return transactions;
    }

    @Override
    public List<Checkpoint> checkpoints() {
        return checkpoints.list(connector.name());
    }

    @Override
    public Optional<String> checkpoint(String partition) {
        return checkpoints.get(connector.name(), partition).map(Checkpoint::value);
    }

    @Override
    public void commitCheckpoint(String partition, String value) {
        checkpoints.commit(connector.name(), partition, value);
    }

    @Override
    public PartitionScheduler scheduler(SchedulePolicy policy, PartitionTask task) {
        LockedPartitionScheduler s = new LockedPartitionScheduler(connector.name(), policy, task, locks, connector.health(), clock);
        schedulers.add(s);
        return s;
    }

    @Override
    public void repeat(String what, Duration interval, Runnable task) {
        if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException(what + ": interval must be positive");
        local().scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (Throwable e) {
                log.warn("Connector {}: {} failed: {}", connector.name(), what,
                        connector.health().scrub(FailureReason.of(e)));
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized ScheduledExecutorService local() {
        if (local == null) {
            local = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "connector-" + connector.name() + "-local");
                t.setDaemon(true);
                return t;
            });
        }
        return local;
    }

    @Override
    public void raiseError(Throwable error) {
        connector.health().state(ConnectorState.FAILED, FailureReason.of(error));
        stopSchedulers();
    }

    void stopSchedulers() {
        synchronized (this) {
            if (local != null) local.shutdownNow();
        }
        for (LockedPartitionScheduler s : schedulers) s.stop();
    }
}
