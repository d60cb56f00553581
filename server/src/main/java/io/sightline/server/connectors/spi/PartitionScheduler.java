package io.sightline.server.connectors.spi;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a connector's {@link PartitionTask} for each partition (one per MISP server, per Stixify
 * dossier): right after {@link #start()} (or after the policy's initial delay), then every
 * interval, and on demand with {@link #triggerNow(String)}. Runs never overlap, and with several
 * hub instances on one database a partition runs on one instance at a time; a run that throws is
 * recorded in the health and retried with the policy's backoff.
 */
public interface PartitionScheduler {

    /** What became of one planned or triggered run. */
    enum Outcome { SUCCEEDED, FAILED, SKIPPED_LOCKED, SKIPPED_STOPPED }

    /** Adds a partition; once started, its first run is planned at once (after the initial delay). */
    PartitionScheduler addPartition(String partition);

    /** Stops planning runs of a partition (e.g. a dossier that was deleted); a running one finishes. */
    void removePartition(String partition);

    Set<String> partitions();

    /** Plans the first run of every partition. */
    void start();

    /** Runs the partition as soon as the scheduler's thread is free; the future tells what became of it. */
    CompletableFuture<Outcome> triggerNow(String partition);

    /** Stops planning, asks a running task to stop and waits a grace period for it. */
    void stop();
}
