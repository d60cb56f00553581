/**
 * The hub's connectors, in the shape of Kafka Connect: {@code spi} is what a connector implements
 * and sees (the contract, its context, its typed health), {@code runtime} runs them (registry,
 * scheduling under cluster-wide partition locks, checkpoints, connection tests, metrics, the
 * {@code /api/v1/connector} routes), {@code config} reads their blocks of the configuration, and each
 * connector lives in its own sub-package ({@code misp}, {@code cortex}, {@code stixify}) depending on
 * {@code spi} and {@code config} only. Guide and example: {@code docs/connectors.md}.
 *
 * <p>Nothing here knows who shows the health: {@code status} ({@code /api/status}) and {@code web}
 * (the About page) depend on {@code spi.ConnectorHealth}, never the reverse.
 */
package io.sightline.server.connectors;
