package io.sightline.server.status;

import java.util.Map;

/**
 * A connector's contribution to {@code GET /api/status}: its entry under {@code connectors},
 * in TheHive's shape ({@code enabled, status, servers[]}).
 */
public interface ConnectorStatusSource {
    String name();

    Map<String, Object> status();
}
