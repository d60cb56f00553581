package io.sightline.server.connectors.spi;

import java.util.function.BooleanSupplier;

/** One run of a partition, handed to a {@link PartitionTask}. */
public final class PartitionRun {
    private final String partition;
    private final HealthTracker health;
    private final BooleanSupplier stopping;

    public PartitionRun(String partition, HealthTracker health, BooleanSupplier stopping) {
        this.partition = partition;
        this.health = health;
        this.stopping = stopping;
    }

    public String partition() {
        return partition;
    }

    /** True once the hub is shutting down: finish the current batch, commit, return. */
    public boolean stopRequested() {
        return stopping.getAsBoolean();
    }

    /** Adds to this partition's counter (e.g. {@code imported}); shown in health and metrics. */
    public void count(String counter, long n) {
        health.count(partition, counter, n);
    }
}
