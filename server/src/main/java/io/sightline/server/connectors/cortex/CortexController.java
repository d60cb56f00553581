package io.sightline.server.connectors.cortex;

import io.sightline.server.api.JsonInput;
import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.core.Invalid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * TheHive's Cortex routes ({@code /api/connector/cortex/...}, also under {@code /api/v1/...} as
 * TheHive 5 and thehive4py use them): TheHive's JSON read into {@link NewCortexJob}s, the typed
 * answers of {@link CortexJobService} and {@link CortexAnalyzers} rendered in TheHive's shapes.
 * See {@code docs/cortex.md}.
 */
@RestController
public class CortexController {
    private static final String V0 = "/api/connector/cortex";
    private static final String V1 = "/api/v1/connector/cortex";
    private static final Set<String> JOB_FIELDS = Set.of("analyzerId", "cortexId", "artifactId", "parameters");

    private final CortexAnalyzers analyzers;
    private final CortexJobService jobs;
    private final CortexArtifactImporter artifacts;
    private final JsonMapper json;

    CortexController(CortexAnalyzers analyzers, CortexJobService jobs, CortexArtifactImporter artifacts, JsonMapper json) {
        this.analyzers = analyzers;
        this.jobs = jobs;
        this.artifacts = artifacts;
        this.json = json;
    }

    /** Every analyzer of every server; {@code range} is accepted and ignored: the whole list is always returned. */
    @GetMapping({V0 + "/analyzer", V1 + "/analyzer"})
    public List<Map<String, Object>> analyzers(@RequestParam(required = false) String range) {
        return analyzers.all(CurrentPrincipal.get()).stream().map(CortexAnalyzerView::of).toList();
    }

    @GetMapping({V0 + "/analyzer/type/{dataType}", V1 + "/analyzer/type/{dataType}"})
    public List<Map<String, Object>> analyzersFor(@PathVariable String dataType) {
        return analyzers.forDataType(CurrentPrincipal.get(), dataType).stream().map(CortexAnalyzerView::of).toList();
    }

    @GetMapping({V0 + "/analyzer/{id}", V1 + "/analyzer/{id}"})
    public Map<String, Object> analyzer(@PathVariable String id) {
        return CortexAnalyzerView.of(analyzers.one(CurrentPrincipal.get(), id));
    }

    @PostMapping({V0 + "/job", V1 + "/job"})
    public ResponseEntity<Map<String, Object>> run(@RequestBody(required = false) JsonNode body) {
        Principal p = CurrentPrincipal.get();
        p.require(Permission.MANAGE_ANALYZE); // before the body is read: a caller without the right learns nothing of it
        return ResponseEntity.status(HttpStatus.CREATED).body(view(p, jobs.create(p, newJob(body))));
    }

    /** TheHive 5's bulk form {@code {jobs: [{analyzerId, cortexId, artifactId}, ...]}}; every job is read before any is created. */
    @PostMapping(V1 + "/job/_bulk")
    public ResponseEntity<List<Map<String, Object>>> runMany(@RequestBody(required = false) JsonNode body) {
        Principal p = CurrentPrincipal.get();
        p.require(Permission.MANAGE_ANALYZE);
        if (body == null || !body.isObject() || !body.path("jobs").isArray() || body.size() != 1) {
            throw new Invalid("Expected {\"jobs\": [{analyzerId, cortexId, artifactId}, ...]}");
        }
        if (body.get("jobs").size() > 1000) throw new Invalid("At most 1000 jobs per bulk request");
        List<NewCortexJob> requested = new ArrayList<>();
        for (JsonNode job : body.get("jobs")) requested.add(newJob(job));
        List<Map<String, Object>> out = new ArrayList<>();
        for (NewCortexJob job : requested) out.add(view(p, jobs.create(p, job)));
        return ResponseEntity.status(HttpStatus.CREATED).body(out);
    }

    @GetMapping({V0 + "/job/{id}", V1 + "/job/{id}"})
    public Map<String, Object> job(@PathVariable String id) {
        Principal p = CurrentPrincipal.get();
        return view(p, jobs.get(p, id));
    }

    /** Jobs of one observable, newest first (what TheHive's UI lists under an observable), without the observable. */
    @GetMapping({V0 + "/job", V1 + "/job"})
    public List<Map<String, Object>> jobsOf(@RequestParam(required = false) String observableId) {
        Principal p = CurrentPrincipal.get();
        if (observableId == null || observableId.isBlank()) {
            throw new Invalid("Give the observable: GET " + V0 + "/job?observableId=~123");
        }
        return jobs.ofObservable(p, observableId).stream().map(j -> CortexJobView.of(j, null, json)).toList();
    }

    /** Adds the report's artifacts to the observable's case or alert as new observables. */
    @PostMapping({V0 + "/job/{id}/artifacts", V1 + "/job/{id}/artifacts"})
    public Map<String, Object> importArtifacts(@PathVariable String id) {
        return artifacts.importArtifacts(CurrentPrincipal.get(), id);
    }

    /** {@code {analyzerId, cortexId?, artifactId, parameters?}} as TheHive sends it. */
    private NewCortexJob newJob(JsonNode body) {
        JsonInput in = JsonInput.of(body, "job", JOB_FIELDS);
        String analyzerId = in.requiredString("analyzerId", 255);
        String artifactId = in.requiredString("artifactId", 64);
        JsonNode parameters = in.has("parameters") ? in.raw("parameters") : null;
        if (parameters != null && !parameters.isNull() && !parameters.isObject()) {
            throw in.typeError("parameters", "an object");
        }
        String cortexId = in.hasValue("cortexId") ? in.requiredString("cortexId", 255) : null;
        return new NewCortexJob(artifactId, analyzerId, cortexId,
                parameters != null && parameters.isObject() ? json.writeValueAsString(parameters) : null);
    }

    /** A job with its observable ({@code case_artifact}), as TheHive shows it. */
    private Map<String, Object> view(Principal p, CortexJobRecord job) {
        return CortexJobView.of(job, jobs.observableOf(p, job).orElse(null), json);
    }
}
