package io.sightline.server.caseassembly;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.cases.CaseService;
import io.sightline.server.cases.CaseView;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** TheHive 5's case creation with its parts, and a template applied to existing cases. */
@RestController
public class CaseAssemblyController {
    private final CaseAssemblyService assembly;
    private final CaseService cases;

    public CaseAssemblyController(CaseAssemblyService assembly, CaseService cases) {
        this.assembly = assembly;
        this.cases = cases;
    }

    @PostMapping("/api/v1/case")
    public ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) JsonNode body) {
        var created = assembly.create(CurrentPrincipal.get(), CaseAssemblyJson.assembly(body));
        return ResponseEntity.status(HttpStatus.CREATED).body(CaseView.of(created, cases.customFieldsOf(created.id())));
    }

    @PostMapping("/api/v1/case/_bulk/caseTemplate")
    public ResponseEntity<Void> applyTemplate(@RequestBody(required = false) JsonNode body) {
        assembly.apply(CurrentPrincipal.get(), CaseAssemblyJson.application(body));
        return ResponseEntity.noContent().build();
    }
}
