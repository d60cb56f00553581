package io.sightline.server.status;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Permission;
import io.sightline.server.connectors.misp.MispConnector;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/connector/misp/status}: MISP's {@code /api/status} entry ({@code {}} without a
 * MISP server, as TheHive answers) and whether a sync runs now (permission {@code read}).
 */
@RestController
public class MispStatusController {
    private final MispConnector connector;

    public MispStatusController(MispConnector connector) {
        this.connector = connector;
    }

    @GetMapping("/api/v1/connector/misp/status")
    public Map<String, Object> status() {
        CurrentPrincipal.require(Permission.READ);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", connector.enabled() ? ConnectorStatusJson.full(connector.currentHealth()) : Map.of());
        out.put("syncInProgress", connector.syncInProgress());
        return out;
    }
}
