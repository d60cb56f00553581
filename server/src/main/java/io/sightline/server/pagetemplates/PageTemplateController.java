package io.sightline.server.pagetemplates;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.pages.PageInput;
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
 * TheHive v1 page template routes; a change answers 204 as TheHive does. Reading and listing go
 * through {@code POST /api/v1/query} (steps {@code getPageTemplate}, {@code listPageTemplate}).
 */
@RestController
public class PageTemplateController {
    private final PageTemplateService templates;

    public PageTemplateController(PageTemplateService templates) {
        this.templates = templates;
    }

    @PostMapping("/api/v1/pageTemplate")
    public ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) JsonNode body) {
        PageTemplateRecord created = templates.create(CurrentPrincipal.get(), PageInput.draft(body, "page template"));
        return ResponseEntity.status(HttpStatus.CREATED).body(PageTemplateView.of(created));
    }

    @PatchMapping("/api/v1/pageTemplate/{id}")
    public ResponseEntity<Void> update(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        templates.update(CurrentPrincipal.get(), id, PageInput.change(body, "page template"));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/pageTemplate/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        templates.delete(CurrentPrincipal.get(), id);
        return ResponseEntity.noContent().build();
    }
}
