package io.sightline.server.connectors.cortex;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.core.Invalid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * TheHive's Cortex routes ({@code /api/connector/cortex/...}, also under {@code /api/v1/...} as
 * TheHive 5 and thehive4py use them). See {@code docs/cortex.md}.
 */
@RestController
public class CortexController {
    private static final String V0 = "/api/connector/cortex";
    private static final String V1 = "/api/v1/connector/cortex";

    private final CortexAnalyzers analyzers;
    private final CortexJobService jobs;
    private final CortexArtifactImporter artifacts;
    private final CortexJobs views;

    CortexController(CortexAnalyzers analyzers, CortexJobService jobs, CortexArtifactImporter artifacts, CortexJobs views) {
        this.analyzers = analyzers;
        this.jobs = jobs;
        this.artifacts = artifacts;
        this.views = views;
    }

    /** Every analyzer of every server; {@code range} is accepted and ignored: the whole list is always returned. */
    @GetMapping({V0 + "/analyzer", V1 + "/analyzer"})
    public List<Map<String, Object>> analyzers(@RequestParam(required = false) String range) {
        return analyzers.all(CurrentPrincipal.get());
    }

    @GetMapping({V0 + "/analyzer/type/{dataType}", V1 + "/analyzer/type/{dataType}"})
    public List<Map<String, Object>> analyzersFor(@PathVariable String dataType) {
        return analyzers.forDataType(CurrentPrincipal.get(), dataType);
    }

    @GetMapping({V0 + "/analyzer/{id}", V1 + "/analyzer/{id}"})
    public Map<String, Object> analyzer(@PathVariable String id) {
        return analyzers.one(CurrentPrincipal.get(), id);
    }

    @PostMapping({V0 + "/job", V1 + "/job"})
    public ResponseEntity<Map<String, Object>> run(@RequestBody(required = false) JsonNode body) {
        Principal p = CurrentPrincipal.get();
        return ResponseEntity.status(HttpStatus.CREATED).body(views.start(p, body));
    }

    /** TheHive 5's bulk form {@code {jobs: [{analyzerId, cortexId, artifactId}, ...]}}; every job is checked before any is created. */
    @PostMapping(V1 + "/job/_bulk")
    public ResponseEntity<List<Map<String, Object>>> runMany(@RequestBody(required = false) JsonNode body) {
        Principal p = CurrentPrincipal.get();
        p.require(Permission.MANAGE_ANALYZE);
        if (body == null || !body.isObject() || !body.path("jobs").isArray() || body.size() != 1) {
            throw new Invalid("Expected {\"jobs\": [{analyzerId, cortexId, artifactId}, ...]}");
        }
        if (body.get("jobs").size() > 1000) throw new Invalid("At most 1000 jobs per bulk request");
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode job : body.get("jobs")) out.add(view(p, jobs.create(p, job)));
        return ResponseEntity.status(HttpStatus.CREATED).body(out);
    }

    @GetMapping({V0 + "/job/{id}", V1 + "/job/{id}"})
    public Map<String, Object> job(@PathVariable String id) {
        return views.job(CurrentPrincipal.get(), id);
    }

    /** Jobs of one observable, newest first (what TheHive's UI lists under an observable). */
    @GetMapping({V0 + "/job", V1 + "/job"})
    public List<Map<String, Object>> jobsOf(@RequestParam(required = false) String observableId) {
        Principal p = CurrentPrincipal.get();
        if (observableId == null || observableId.isBlank()) {
            throw new Invalid("Give the observable: GET " + V0 + "/job?observableId=~123");
        }
        return views.ofObservable(p, observableId);
    }

    /** Adds the report's artifacts to the observable's case or alert as new observables. */
    @PostMapping({V0 + "/job/{id}/artifacts", V1 + "/job/{id}/artifacts"})
    public Map<String, Object> importArtifacts(@PathVariable String id) {
        return artifacts.importArtifacts(CurrentPrincipal.get(), id);
    }

    private Map<String, Object> view(Principal p, CortexJobRecord job) {
        return views.view(p, job);
    }
}
