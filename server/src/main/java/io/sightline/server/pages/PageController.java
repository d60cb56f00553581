package io.sightline.server.pages;

import io.sightline.server.auth.CurrentPrincipal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * TheHive v1 case page routes; a change answers 204 as TheHive does. A case's pages are listed
 * through {@code POST /api/v1/query} (steps {@code getCase}, {@code pages}).
 */
@RestController
public class PageController {
    private final PageService pages;

    public PageController(PageService pages) {
        this.pages = pages;
    }

    @PostMapping("/api/v1/case/{caseId}/page")
    public ResponseEntity<Map<String, Object>> create(@PathVariable String caseId, @RequestBody(required = false) JsonNode body) {
        PageRecord created = pages.create(CurrentPrincipal.get(), caseId, PageInput.draft(body, "page"));
        return ResponseEntity.status(HttpStatus.CREATED).body(PageView.of(created));
    }

    @PatchMapping("/api/v1/case/{caseId}/page/{pageId}")
    public ResponseEntity<Void> update(@PathVariable String caseId, @PathVariable String pageId,
                                       @RequestBody(required = false) JsonNode body) {
        pages.update(CurrentPrincipal.get(), caseId, pageId, PageInput.change(body, "page"));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/case/{caseId}/page/{pageId}")
    public ResponseEntity<Void> delete(@PathVariable String caseId, @PathVariable String pageId) {
        pages.delete(CurrentPrincipal.get(), caseId, pageId);
        return ResponseEntity.noContent().build();
    }
}
