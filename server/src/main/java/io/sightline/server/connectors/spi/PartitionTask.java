package io.sightline.server.connectors.spi;

/**
 * The work of one partition run (e.g. "fetch the MISP events changed since the checkpoint and
 * import them"). It runs while this hub instance holds the partition's database lock; an
 * exception marks the run failed in the health (with the exception's message as reason) and the
 * partition is retried later. A long run should check {@link PartitionRun#stopRequested()}
 * between batches.
 */
@FunctionalInterface
public interface PartitionTask {
    void run(PartitionRun run) throws Exception;
}
