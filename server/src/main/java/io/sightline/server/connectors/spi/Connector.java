package io.sightline.server.connectors.spi;


import java.time.Instant;
import java.util.List;

/**
 * A hub connector (MISP, Cortex, Stixify): a Spring bean implementing this interface is found by
 * the runtime's {@code ConnectorRegistry}, which starts it once the application is ready (if
 * {@link #enabled()}), stops it at shutdown, and publishes its health in {@code GET /api/status},
 * {@code GET /api/v1/connector}, {@code /actuator/health} and the metrics.
 *
 * <p>The life cycle, in the manner of Kafka Connect and Keycloak providers:
 * <ol>
 *   <li>construction: read and validate the connector's block with
 *       {@link io.sightline.server.connectors.config.ConnectorConfigReader} (all errors at once;
 *       start-up fails with the list), create the {@link HealthTracker}, declare the servers;</li>
 *   <li>{@link #start(ConnectorContext)}: create schedulers with
 *       {@link ConnectorContext#scheduler}, read checkpoints, return quickly;</li>
 *   <li>{@link #stop()}: only signals and releases resources; the runtime stops the connector's
 *       schedulers itself.</li>
 * </ol>
 * See {@code docs/connectors.md} for a complete example.
 */
public interface Connector {

    /** Short stable name: the key under {@code connectors} in {@code /api/status}, e.g. {@code misp}. */
    String name();

    /** The live health recorder; {@code health().snapshot()} is the health value. */
    HealthTracker health();

    /** False when the connector's block is absent or disabled; a disabled connector is never started. */
    default boolean enabled() {
        return health().enabled();
    }

    /**
     * Starts the connector's work. Called once, after the application is ready, from the
     * runtime's thread: long work belongs in a {@link PartitionScheduler}. An exception moves
     * the connector to FAILED with the exception's message as reason; the hub keeps running.
     */
    void start(ConnectorContext context) throws Exception;

    /** Stops the connector's own resources (its schedulers are stopped by the runtime first). */
    void stop();

    /**
     * Checks every server now (typically version, then the key), records the result in
     * {@link #health()} and returns it. Used by {@code POST /api/v1/connector/{name}/test}.
     */
    List<ServerHealth> testConnection();

    /**
     * The checkpoint value meaning "everything changed after {@code date}", used when an admin
     * resets a partition to a date. Default: the ISO-8601 instant.
     */
    default String checkpointForDate(Instant date) {
        return date.toString();
    }

    /**
     * The health every reader shows ({@code /api/status}, the About page): the tracker's snapshot,
     * plus whatever else the connector knows of its own state (a syncing connector adds its
     * {@link SyncSummary} with {@link ConnectorHealth#withSync}). May read the database.
     */
    default ConnectorHealth currentHealth() {
        return health().snapshot();
    }
}
