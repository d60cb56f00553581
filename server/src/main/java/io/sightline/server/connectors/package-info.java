/**
 * The connector runtime of the hub: the {@link io.sightline.server.connectors.Connector} contract,
 * its health value ({@link io.sightline.server.connectors.HealthTracker},
 * {@link io.sightline.server.connectors.ConnectorHealth}), the
 * {@link io.sightline.server.connectors.ConnectorRegistry} that starts and publishes connectors,
 * cluster-safe scheduling per partition ({@link io.sightline.server.connectors.PartitionScheduler})
 * and transactional checkpoints ({@link io.sightline.server.connectors.CheckpointStore}).
 * Connectors themselves live in sub-packages ({@code misp}, {@code cortex}, {@code stixify}).
 * Guide and example: {@code docs/connectors.md}.
 */
package io.sightline.server.connectors;
