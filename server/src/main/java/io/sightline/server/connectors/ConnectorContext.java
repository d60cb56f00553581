package io.sightline.server.connectors;

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

/**
 * What the runtime gives a connector at start: its checkpoints, transactions, schedulers tied
 * to its health and to the cluster-wide partition locks, local periodic tasks, and a way to
 * report a fatal error.
 */
public final class ConnectorContext {
    private final Connector connector;
    private final CheckpointStore checkpoints;
    private final TransactionTemplate transactions;
    private final PartitionLocks locks;
    private final Clock clock;
    private static final Logger log = LoggerFactory.getLogger(ConnectorContext.class);

    private final List<PartitionScheduler> schedulers = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService local;

    ConnectorContext(Connector connector, CheckpointStore checkpoints, TransactionTemplate transactions,
                     PartitionLocks locks, Clock clock) {
        this.connector = connector;
        this.checkpoints = checkpoints;
        this.transactions = transactions;
        this.locks = locks;
        this.clock = clock;
    }

    public String connectorName() {
        return connector.name();
    }

    public Clock clock() {
        return clock;
    }

    /** Runs database work in one transaction; a checkpoint committed inside it commits or rolls back with the data. */
    public TransactionTemplate transactions() {
        return transactions;
    }

    public CheckpointStore checkpointStore() {
        return checkpoints;
    }

    /** The partition's checkpoint value, or empty before the first commit (or after a reset to nothing). */
    public Optional<String> checkpoint(String partition) {
        return checkpoints.get(connector.name(), partition).map(Checkpoint::value);
    }

    /**
     * Saves the partition's checkpoint in the current transaction: call it inside
     * {@link #transactions()}{@code .executeWithoutResult(...)} right after writing the data it
     * covers. Outside a transaction it throws.
     */
    public void commitCheckpoint(String partition, String value) {
        checkpoints.commit(connector.name(), partition, value);
    }

    /**
     * A scheduler for this connector's partitions, started by the caller with
     * {@link PartitionScheduler#start()} and stopped by the runtime at shutdown.
     */
    public PartitionScheduler scheduler(SchedulePolicy policy, PartitionTask task) {
        PartitionScheduler s = new PartitionScheduler(connector.name(), policy, task, locks, connector.health(), clock);
        schedulers.add(s);
        return s;
    }

    public PartitionScheduler scheduler(Duration interval, PartitionTask task) {
        return scheduler(SchedulePolicy.every(interval), task);
    }

    /**
     * Runs {@code task} on this hub instance now and then {@code interval} after each run ends,
     * without any cluster lock: for work every instance does for itself, such as refreshing
     * its view of the servers' status ({@code checkStatusInterval}, {@code statusCheckInterval}).
     * Any exception or error is logged (secrets masked) and the next run happens as planned: one
     * escaping would make the executor cancel the repetition for good, without a word. Stopped
     * with the connector.
     */
    public void repeat(String what, Duration interval, Runnable task) {
        if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException(what + ": interval must be positive");
        local().scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (Throwable e) {
                log.warn("Connector {}: {} failed: {}", connector.name(), what,
                        connector.health().scrub(ConnectorRegistry.reason(e)));
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

    /** Marks the connector FAILED with this reason and stops its schedulers (Kafka's raiseError). */
    public void raiseError(Throwable error) {
        connector.health().state(ConnectorState.FAILED, ConnectorRegistry.reason(error));
        stopSchedulers();
    }

    void stopSchedulers() {
        synchronized (this) {
            if (local != null) local.shutdownNow();
        }
        for (PartitionScheduler s : schedulers) s.stop();
    }
}
