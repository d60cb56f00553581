package io.sightline.server.connectors.cortex;

import io.sightline.server.api.JsonInput;
import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * TheHive's responder routes ({@code /api/connector/cortex/responder/...} and {@code .../action},
 * also under {@code /api/v1/...}): TheHive's JSON read into a {@link NewCortexAction}, the typed
 * answers of {@link CortexActionService} rendered in TheHive's shapes. See {@code docs/cortex.md}.
 */
@RestController
public class CortexActionController {
    private static final String V0 = "/api/connector/cortex";
    private static final String V1 = "/api/v1/connector/cortex";
    private static final Set<String> ACTION_FIELDS = Set.of("responderId", "cortexId", "objectType", "objectId",
            "parameters", "tlp");

    private final CortexActionService actions;
    private final JsonMapper json;

    CortexActionController(CortexActionService actions, JsonMapper json) {
        this.actions = actions;
        this.json = json;
    }

    /** Responders that accept the object ({@code case}, {@code case_task}, {@code alert}, {@code case_artifact}, {@code case_task_log}). */
    @GetMapping({V0 + "/responder/{objectType}/{objectId}", V1 + "/responder/{objectType}/{objectId}"})
    public List<Map<String, Object>> responders(@PathVariable String objectType, @PathVariable String objectId) {
        return actions.respondersFor(CurrentPrincipal.get(), objectType, objectId).stream().map(CortexAnalyzerView::of).toList();
    }

    @PostMapping({V0 + "/action", V1 + "/action"})
    public ResponseEntity<Map<String, Object>> run(@RequestBody(required = false) JsonNode body) {
        Principal p = CurrentPrincipal.get();
        p.require(Permission.MANAGE_ANALYZE); // before the body is read: a caller without the right learns nothing of it
        return ResponseEntity.status(HttpStatus.CREATED).body(CortexActionView.of(actions.run(p, newAction(body)), json));
    }

    @GetMapping({V0 + "/action/{id}", V1 + "/action/{id}"})
    public Map<String, Object> action(@PathVariable String id) {
        return CortexActionView.of(actions.get(CurrentPrincipal.get(), id), json);
    }

    /** The actions run on one object, newest first. */
    @GetMapping({V0 + "/action/{objectType}/{objectId}", V1 + "/action/{objectType}/{objectId}"})
    public List<Map<String, Object>> actionsOf(@PathVariable String objectType, @PathVariable String objectId) {
        return actions.ofObject(CurrentPrincipal.get(), objectType, objectId).stream()
                .map(a -> CortexActionView.of(a, json)).toList();
    }

    /** {@code {responderId, cortexId?, objectType, objectId, parameters?, tlp?}} as TheHive and thehive4py send it. */
    private NewCortexAction newAction(JsonNode body) {
        JsonInput in = JsonInput.of(body, "action", ACTION_FIELDS);
        String responderId = in.requiredString("responderId", 255);
        ActionObjectType type = ActionObjectType.parse(in.requiredString("objectType", 32));
        String objectId = in.requiredString("objectId", 64);
        JsonNode parameters = in.has("parameters") ? in.raw("parameters") : null;
        if (parameters != null && !parameters.isNull() && !parameters.isObject()) throw in.typeError("parameters", "an object");
        String cortexId = in.hasValue("cortexId") ? in.requiredString("cortexId", 255) : null;
        Integer tlp = in.integer("tlp").orElse(null);
        return new NewCortexAction(type, objectId, responderId, cortexId,
                parameters != null && parameters.isObject() ? json.writeValueAsString(parameters) : null, tlp);
    }
}
