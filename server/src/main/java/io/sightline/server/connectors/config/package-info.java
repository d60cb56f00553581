/**
 * Strict reading of connector configuration blocks from the Spring Environment
 * ({@link io.sightline.server.connectors.config.ConnectorConfigReader} with a
 * {@link io.sightline.server.connectors.config.ConfigSpec}), TheHive-style HOCON files
 * ({@link io.sightline.server.connectors.config.HoconPropertySourceLoader}), durations in HOCON,
 * Spring and ISO-8601 spellings, and the per-server HTTP keys shared by connectors
 * ({@link io.sightline.server.connectors.config.HttpServerSettings}).
 */
package io.sightline.server.connectors.config;
