/**
 * TheHive's status routes: {@code GET /api/status}, {@code /api/v1/status}, {@code /api/health}
 * and {@code /api/v1/connector/misp/status}. It owns TheHive's connector entry
 * ({@link io.sightline.server.status.ConnectorStatusJson}), mapped from the connector runtime's
 * typed {@code ConnectorHealth}, and what an anonymous caller may see of it (names and status
 * words only). Depends on {@code connectors}; nothing in {@code connectors} depends on it.
 */
package io.sightline.server.status;
