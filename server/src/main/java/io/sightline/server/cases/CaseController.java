package io.sightline.server.cases;

import io.sightline.server.auth.CurrentPrincipal;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * TheHive v1 case routes: TheHive's JSON read into commands ({@link CaseJson}), answers in {@link CaseView}.
 * Creation, which may bring tasks, pages and a template, is {@code caseassembly}'s route.
 */
@RestController
public class CaseController {
    private final CaseService cases;

    public CaseController(CaseService cases) {
        this.cases = cases;
    }

    @GetMapping("/api/v1/case/{idOrNumber}")
    public Map<String, Object> get(@PathVariable String idOrNumber) {
        return view(cases.get(CurrentPrincipal.get(), idOrNumber));
    }

    @PatchMapping("/api/v1/case/{idOrNumber}")
    public Map<String, Object> update(@PathVariable String idOrNumber, @RequestBody(required = false) JsonNode body) {
        var principal = CurrentPrincipal.get();
        return view(cases.update(principal, idOrNumber, CaseJson.changes(body)));
    }

    @DeleteMapping("/api/v1/case/{idOrNumber}")
    public ResponseEntity<Void> delete(@PathVariable String idOrNumber) {
        cases.delete(CurrentPrincipal.get(), idOrNumber);
        return ResponseEntity.noContent().build();
    }

    /** The case with its custom field values, as TheHive shows it. */
    private Map<String, Object> view(CaseRecord c) {
        return CaseView.of(c, cases.customFieldsOf(c.id()));
    }
}
