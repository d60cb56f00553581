package io.sightline.server.procedures;

import io.sightline.server.api.JsonInput;
import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.core.Invalid;
import io.sightline.server.patterns.PatternView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** TheHive 5's procedure routes, as thehive4py calls them. */
@RestController
public class ProcedureController {
    private static final Set<String> FIELDS = Set.of("patternId", "occurDate", "tactic", "description");

    private final ProcedureService procedures;

    public ProcedureController(ProcedureService procedures) {
        this.procedures = procedures;
    }

    @PostMapping("/api/v1/case/{caseId}/procedure")
    public ResponseEntity<Map<String, Object>> createInCase(@PathVariable String caseId,
                                                            @RequestBody(required = false) JsonNode body) {
        var created = procedures.createInCase(CurrentPrincipal.get(), caseId, List.of(newProcedure(body)));
        return ResponseEntity.status(HttpStatus.CREATED).body(ProcedureView.of(created.get(0)));
    }

    @PostMapping("/api/v1/case/{caseId}/procedures")
    public ResponseEntity<List<Map<String, Object>>> bulkCreateInCase(@PathVariable String caseId,
                                                                      @RequestBody(required = false) JsonNode body) {
        var created = procedures.createInCase(CurrentPrincipal.get(), caseId, newProcedures(body));
        return ResponseEntity.status(HttpStatus.CREATED).body(created.stream().map(ProcedureView::of).toList());
    }

    @PostMapping("/api/v1/alert/{alertId}/procedure")
    public ResponseEntity<Map<String, Object>> createInAlert(@PathVariable String alertId,
                                                             @RequestBody(required = false) JsonNode body) {
        var created = procedures.createInAlert(CurrentPrincipal.get(), alertId, List.of(newProcedure(body)));
        return ResponseEntity.status(HttpStatus.CREATED).body(ProcedureView.of(created.get(0)));
    }

    @PostMapping("/api/v1/alert/{alertId}/procedures")
    public ResponseEntity<List<Map<String, Object>>> bulkCreateInAlert(@PathVariable String alertId,
                                                                       @RequestBody(required = false) JsonNode body) {
        var created = procedures.createInAlert(CurrentPrincipal.get(), alertId, newProcedures(body));
        return ResponseEntity.status(HttpStatus.CREATED).body(created.stream().map(ProcedureView::of).toList());
    }

    @GetMapping("/api/v1/procedure/{procedureId}")
    public Map<String, Object> get(@PathVariable String procedureId) {
        return ProcedureView.of(procedures.get(CurrentPrincipal.get(), procedureId));
    }

    @PatchMapping("/api/v1/procedure/{procedureId}")
    public ResponseEntity<Void> update(@PathVariable String procedureId, @RequestBody(required = false) JsonNode body) {
        JsonInput in = JsonInput.of(body, "procedure", FIELDS);
        if (in.has("patternId") && !in.hasValue("patternId")) throw new Invalid("Field patternId of procedure cannot be removed");
        if (in.has("occurDate") && !in.hasValue("occurDate")) throw new Invalid("Field occurDate of procedure cannot be removed");
        procedures.update(CurrentPrincipal.get(), procedureId, new ProcedureChanges(in.string("patternId", 128).orElse(null),
                in.string("tactic", 64).orElse(null), in.epochMillis("occurDate").orElse(null),
                in.has("description") ? in.string("description", ProcedureService.MAX_DESCRIPTION).orElse("") : null));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/procedure/{procedureId}")
    public ResponseEntity<Void> delete(@PathVariable String procedureId) {
        procedures.delete(CurrentPrincipal.get(), procedureId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/procedure/delete/_bulk")
    public ResponseEntity<Void> bulkDelete(@RequestBody(required = false) JsonNode body) {
        JsonInput in = JsonInput.of(body, "bulk deletion", Set.of("ids"));
        List<String> ids = in.strings("ids", ProcedureService.MAX_BULK, 64).orElseThrow(() -> in.missing("ids"));
        procedures.deleteAll(CurrentPrincipal.get(), ids);
        return ResponseEntity.noContent().build();
    }

    /** The patterns the case's procedures name (TheHive 5's "Get Case Patterns"). */
    @GetMapping("/api/v1/pattern/case/{caseId}")
    public List<Map<String, Object>> patternsOfCase(@PathVariable String caseId) {
        return procedures.patternsOfCase(CurrentPrincipal.get(), caseId).stream().map(PatternView::of).toList();
    }

    private static NewProcedure newProcedure(JsonNode body) {
        JsonInput in = JsonInput.of(body, "procedure", FIELDS);
        return new NewProcedure(in.requiredString("patternId", 128), in.string("tactic", 64).orElse(null),
                in.epochMillis("occurDate").orElseThrow(() -> in.missing("occurDate")),
                in.string("description", ProcedureService.MAX_DESCRIPTION).orElse(null));
    }

    private static List<NewProcedure> newProcedures(JsonNode body) {
        JsonInput in = JsonInput.of(body, "procedures", Set.of("procedures"));
        JsonNode list = in.raw("procedures");
        if (list == null || !list.isArray()) throw in.typeError("procedures", "an array of procedures");
        if (list.size() > ProcedureService.MAX_BULK) {
            throw new Invalid("At most " + ProcedureService.MAX_BULK + " procedures are created at once, not " + list.size());
        }
        List<NewProcedure> out = new ArrayList<>();
        for (JsonNode item : list) out.add(newProcedure(item));
        return out;
    }
}
