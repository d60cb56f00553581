/**
 * The connector runtime: the {@link io.sightline.server.connectors.runtime.ConnectorRegistry} that
 * finds, starts, stops and publishes every {@code spi.Connector}, the context it gives each one,
 * cluster-safe scheduling per partition ({@link io.sightline.server.connectors.runtime.LockedPartitionScheduler}
 * over {@link io.sightline.server.connectors.runtime.PartitionLocks}), transactional checkpoints
 * ({@link io.sightline.server.connectors.runtime.CheckpointStore}), the connection test
 * ({@link io.sightline.server.connectors.runtime.ConnectionTester}), metrics and the
 * {@code /api/v1/connector} routes. Connectors never depend on this package, only on {@code spi}.
 */
package io.sightline.server.connectors.runtime;
