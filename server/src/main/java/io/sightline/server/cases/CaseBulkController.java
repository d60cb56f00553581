package io.sightline.server.cases;

import io.sightline.server.auth.CurrentPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** TheHive's {@code PATCH /api/v1/case/_bulk}: one change to many cases, answered 204. */
@RestController
public class CaseBulkController {
    private final CaseBulkService bulk;

    public CaseBulkController(CaseBulkService bulk) {
        this.bulk = bulk;
    }

    @PatchMapping("/api/v1/case/_bulk")
    public ResponseEntity<Void> bulkUpdate(@RequestBody(required = false) JsonNode body) {
        bulk.updateAll(CurrentPrincipal.get(), CaseBulkJson.ids(body), CaseBulkJson.changes(body));
        return ResponseEntity.noContent().build();
    }
}
