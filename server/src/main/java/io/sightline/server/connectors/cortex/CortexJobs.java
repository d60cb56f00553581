package io.sightline.server.connectors.cortex;

import io.sightline.server.auth.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cortex jobs and analyzers in TheHive's shapes, for a given user: what the REST routes of
 * {@link CortexController} answer and what the web UI shows, from one place. Permissions and
 * validation are those of {@link CortexJobService} and {@link CortexAnalyzers}.
 */
@Service
public class CortexJobs {
    private final CortexJobService jobs;
    private final CortexAnalyzers analyzers;
    private final JsonMapper json;

    CortexJobs(CortexJobService jobs, CortexAnalyzers analyzers, JsonMapper json) {
        this.jobs = jobs;
        this.analyzers = analyzers;
        this.json = json;
    }

    /** Starts a job from TheHive's {@code {analyzerId, cortexId?, artifactId}}; the created job with its observable. */
    public Map<String, Object> start(Principal p, JsonNode body) {
        return view(p, jobs.create(p, body));
    }

    /** One job with its observable ({@code case_artifact}). */
    public Map<String, Object> job(Principal p, String id) {
        return view(p, jobs.get(p, id));
    }

    /** Jobs of one observable, newest first, without the observable. */
    public List<Map<String, Object>> ofObservable(Principal p, String observableId) {
        return jobs.ofObservable(p, observableId).stream().map(j -> CortexJobView.of(j, null, json)).toList();
    }

    /** The analyzers of every configured server that accept the data type. */
    public List<Map<String, Object>> analyzersFor(Principal p, String dataType) {
        return analyzers.forDataType(p, dataType);
    }

    Map<String, Object> view(Principal p, CortexJobRecord job) {
        return CortexJobView.of(job, jobs.observableOf(p, job).orElse(null), json);
    }
}
