/**
 * What a connector implements and sees, and nothing of how the hub runs it (in the manner of Kafka
 * Connect's {@code connect/api}): the {@link io.sightline.server.connectors.spi.Connector} contract, the
 * {@link io.sightline.server.connectors.spi.ConnectorContext} the runtime hands it at start (checkpoints,
 * transactions, {@link io.sightline.server.connectors.spi.PartitionScheduler}s, local repeats, fatal
 * errors), and its typed health: {@link io.sightline.server.connectors.spi.HealthTracker} records it,
 * {@link io.sightline.server.connectors.spi.ConnectorHealth} with
 * {@link io.sightline.server.connectors.spi.ServerHealth}, {@link io.sightline.server.connectors.spi.PartitionHealth}
 * and {@link io.sightline.server.connectors.spi.SyncSummary} is the value every reader shows.
 * Depends on nothing else of the hub.
 */
package io.sightline.server.connectors.spi;
