package io.sightline.server.connectors.spi;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the runtime gives a connector at start: its checkpoints, transactions, schedulers tied to
 * its health and to the cluster-wide partition locks, local periodic tasks, and a way to report a
 * fatal error. The runtime implements it; a connector sees nothing else of the runtime.
 */
public interface ConnectorContext {

    String connectorName();

    Clock clock();

    /** Runs database work in one transaction; a checkpoint committed inside it commits or rolls back with the data. */
    TransactionTemplate transactions();

    /** The partition's checkpoint value, or empty before the first commit (or after a reset to nothing). */
    Optional<String> checkpoint(String partition);

    /** Every checkpoint of this connector, by partition name. */
    List<Checkpoint> checkpoints();

    /**
     * Saves the partition's checkpoint in the current transaction: call it inside
     * {@link #transactions()}{@code .executeWithoutResult(...)} right after writing the data it
     * covers. Outside a transaction it throws.
     */
    void commitCheckpoint(String partition, String value);

    /**
     * A scheduler for this connector's partitions, started by the caller with
     * {@link PartitionScheduler#start()} and stopped by the runtime at shutdown.
     */
    PartitionScheduler scheduler(SchedulePolicy policy, PartitionTask task);

    default PartitionScheduler scheduler(Duration interval, PartitionTask task) {
        return scheduler(SchedulePolicy.every(interval), task);
    }

    /**
     * Runs {@code task} on this hub instance now and then {@code interval} after each run ends,
     * without any cluster lock: for work every instance does for itself, such as refreshing its
     * view of the servers' status. An exception is logged (secrets masked) and the next run happens
     * as planned. Stopped with the connector.
     */
    void repeat(String what, Duration interval, Runnable task);

    /** Marks the connector FAILED with this reason and stops its schedulers (Kafka's raiseError). */
    void raiseError(Throwable error);
}
