package io.sightline.server.caselinks;

import io.sightline.server.auth.CurrentPrincipal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** TheHive 5's case link routes: add and remove a link to a case or to a URL (204), and the link types in use. */
@RestController
public class CaseLinkController {
    private final CaseLinkService links;

    public CaseLinkController(CaseLinkService links) {
        this.links = links;
    }

    @PostMapping("/api/v1/case/{caseId}/link/case/add")
    public ResponseEntity<Void> linkCase(@PathVariable String caseId, @RequestBody(required = false) JsonNode body) {
        links.add(CurrentPrincipal.get(), caseId, CaseLinkJson.toCase(body));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/case/{caseId}/link/case/remove")
    public ResponseEntity<Void> unlinkCase(@PathVariable String caseId, @RequestBody(required = false) JsonNode body) {
        links.remove(CurrentPrincipal.get(), caseId, CaseLinkJson.toCase(body));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/case/{caseId}/link/external/add")
    public ResponseEntity<Void> linkUrl(@PathVariable String caseId, @RequestBody(required = false) JsonNode body) {
        links.add(CurrentPrincipal.get(), caseId, CaseLinkJson.toUrl(body));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/case/{caseId}/link/external/remove")
    public ResponseEntity<Void> unlinkUrl(@PathVariable String caseId, @RequestBody(required = false) JsonNode body) {
        links.remove(CurrentPrincipal.get(), caseId, CaseLinkJson.toUrl(body));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/case/link/types")
    public List<String> types() {
        return links.types(CurrentPrincipal.get());
    }
}
