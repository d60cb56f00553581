/**
 * The connector runtime of the hub: the {@link io.sightline.server.connectors.Connector} contract,
 * its typed health ({@link io.sightline.server.connectors.HealthTracker} records it,
 * {@link io.sightline.server.connectors.ConnectorHealth} with {@link io.sightline.server.connectors.ServerHealth},
 * {@link io.sightline.server.connectors.PartitionHealth} and {@link io.sightline.server.connectors.SyncSummary}
 * is the value), the connection test ({@link io.sightline.server.connectors.ConnectionTester}), the
 * {@link io.sightline.server.connectors.ConnectorRegistry} that starts and publishes connectors,
 * cluster-safe scheduling per partition ({@link io.sightline.server.connectors.PartitionScheduler})
 * and transactional checkpoints ({@link io.sightline.server.connectors.CheckpointStore}).
 * Connectors themselves live in sub-packages ({@code misp}, {@code cortex}, {@code stixify}).
 * Guide and example: {@code docs/connectors.md}.
 *
 * <p>This package does not know who shows its health: {@code status} ({@code /api/status}) and
 * {@code web} (the About page) depend on it and map from {@code ConnectorHealth}, never the reverse.
 */
package io.sightline.server.connectors;
