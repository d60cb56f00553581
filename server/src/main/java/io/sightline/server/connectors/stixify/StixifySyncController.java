package io.sightline.server.connectors.stixify;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Permission;
import io.sightline.server.core.NotFound;
import io.sightline.server.core.Refused;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/connector/stixify/sync[?dossier=<id>]} (permission {@code manageConfig}):
 * syncs every configured dossier, or one, as soon as the connector's scheduler is free. Answers
 * 202 at once with the dossiers queued; the outcome shows in the connector's health.
 */
@RestController
public class StixifySyncController {
    private final StixifyHubConnector connector;

    public StixifySyncController(StixifyHubConnector connector) {
        this.connector = connector;
    }

    @PostMapping("/api/v1/connector/stixify/sync")
    public ResponseEntity<Map<String, Object>> sync(@RequestParam(required = false) String dossier) {
        CurrentPrincipal.require(Permission.MANAGE_CONFIG);
        StixifySettings settings = connector.settings()
                .orElseThrow(() -> new NotFound("Connector stixify is not configured"));
        List<String> queued;
        try {
            if (dossier == null) {
                queued = List.copyOf(connector.syncAllNow().keySet());
            } else {
                if (!settings.dossierIds().contains(dossier)) throw new NotFound("Dossier " + dossier + " is not configured in the stixify block");
                connector.syncNow(dossier);
                queued = List.of(dossier);
            }
        } catch (IllegalStateException e) {
            throw new Refused(e.getMessage());
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("dossiers", queued));
    }
}
