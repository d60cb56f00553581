package io.sightline.integrations.cortex;

import io.sightline.integrations.http.HttpAuth;
import io.sightline.integrations.http.HttpCall;
import io.sightline.integrations.http.HttpTarget;
import io.sightline.integrations.http.HttpTargetConfig;
import io.sightline.integrations.http.HttpTargetException;
import io.sightline.integrations.http.JsonCalls;
import io.sightline.integrations.http.MultipartBody;
import io.sightline.integrations.http.QueryParams;
import io.sightline.integrations.http.RetryMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * Typed client of one Cortex server (REST API of Cortex 3/4, Bearer key). Thread-safe.
 * Transient failures (I/O, 408, 429, 5xx) are retried by the {@link HttpTarget}; what remains is
 * thrown as a {@link CortexException} with a {@link CortexErrorKind}.
 *
 * <p>For polling many jobs, {@link #checkJobs(Collection)} costs one request per 100 jobs plus
 * one per job that just ended.
 */
public final class CortexClient {

    /** Ids per batch status request, to keep request bodies small. */
    static final int STATUS_BATCH = 100;

    private final HttpTarget target;
    private final JsonCalls json;
    private final CortexJson cortexJson;
    private final CortexErrors errors = CortexErrors.standard();
    private final Map<String, CortexAnalyzer> analyzersByName = new ConcurrentHashMap<>();

    public CortexClient(HttpTarget target) {
        this.target = target;
        this.json = target.json();
        this.cortexJson = new CortexJson(json.mapper());
    }

    /** Target settings for a Cortex server: Bearer auth, defaults for everything else. */
    public static HttpTargetConfig.Builder targetConfig(String name, String url, String apiKey) {
        return HttpTargetConfig.builder(name, url).auth(HttpAuth.bearer(apiKey));
    }

    public static CortexClient connect(String name, String url, String apiKey) {
        return new CortexClient(HttpTarget.create(targetConfig(name, url, apiKey).build()));
    }

    public HttpTarget target() {
        return target;
    }

    /** {@code GET /api/status} (no authentication needed). */
    public CortexStatus status() {
        return call(() -> json.get("/api/status", QueryParams.empty(), CortexStatus.class));
    }

    /** {@code GET /api/user/current}: checks the key. */
    public CortexUser currentUser() {
        return call(() -> json.get("/api/user/current", QueryParams.empty(), CortexUser.class));
    }

    /** OK / ERROR / AUTH_ERROR as the About page shows it; never throws for remote problems. */
    public CortexHealth health() {
        String version;
        try {
            version = status().cortexVersion();
        } catch (CortexException e) {
            return new CortexHealth(CortexHealth.State.ERROR, null, e.getMessage());
        }
        try {
            currentUser();
            return new CortexHealth(CortexHealth.State.OK, version, null);
        } catch (CortexException e) {
            CortexHealth.State state = e.kind().isAuthProblem() ? CortexHealth.State.AUTH_ERROR : CortexHealth.State.ERROR;
            return new CortexHealth(state, version, e.getMessage());
        }
    }

    /** Every analyzer enabled for the key's organisation ({@code range=all}: Cortex's default is 10). */
    public List<CortexAnalyzer> listAnalyzers() {
        return call(() -> json.send(HttpCall.get("/api/analyzer").query("range", "all").build(), ANALYZERS));
    }

    /** Analyzers accepting a data type, e.g. "hash". */
    public List<CortexAnalyzer> analyzersFor(String dataType) {
        return call(() -> json.send(HttpCall.get("/api/analyzer/type/" + QueryParams.encodePathSegment(dataType))
                .query("range", "all").build(), ANALYZERS));
    }

    /**
     * Finds an analyzer by id or by name as TheHive does ({@code GET /api/analyzer/{id}}, then a
     * search on the name), remembering names so that later runs skip the failing id lookup.
     */
    public Optional<CortexAnalyzer> findAnalyzer(String idOrName) {
        CortexAnalyzer known = analyzersByName.get(idOrName);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<CortexAnalyzer> found = analyzerById(idOrName).or(() -> analyzerByName(idOrName));
        found.ifPresent(analyzer -> analyzersByName.put(analyzer.name(), analyzer));
        return found;
    }

    private Optional<CortexAnalyzer> analyzerById(String id) {
        try {
            return Optional.of(call(() -> json.get("/api/analyzer/" + QueryParams.encodePathSegment(id),
                    QueryParams.empty(), CortexAnalyzer.class)));
        } catch (CortexException e) {
            if (e.kind() == CortexErrorKind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Optional<CortexAnalyzer> analyzerByName(String name) {
        Map<String, Object> query = Map.of("query", Map.of("_field", "name", "_value", name), "range", "0-1");
        // a search changes nothing, so it may be repeated like a GET
        List<CortexAnalyzer> hits = call(() -> json.send(HttpCall.post("/api/analyzer/_search").json(query)
                .retry(RetryMode.ALWAYS).build(), ANALYZERS));
        return hits.stream().filter(analyzer -> name.equals(analyzer.name())).findFirst();
    }

    /**
     * Runs an analyzer (id or name) on a value. A submission is repeated only when Cortex refused it
     * unprocessed (429 rate limit) or it never arrived, so no duplicate job is created; Cortex may answer with a cached job
     * ({@link CortexJob#isFromCache()}), possibly already finished.
     */
    public CortexJob run(String analyzerIdOrName, JobRequest request) {
        if (request.data() == null) {
            throw new IllegalArgumentException("a value job needs data; use runOnFile for files");
        }
        String id = resolveAnalyzerId(analyzerIdOrName);
        return submit(id, HttpCall.post(runPath(id)).json(request.toJson()).retry(RetryMode.WHEN_REJECTED).build());
    }

    /** Runs an analyzer on a file, streamed from disk as a multipart upload. */
    public CortexJob runOnFile(String analyzerIdOrName, JobRequest request, Path file, String filename,
            String contentType) {
        String id = resolveAnalyzerId(analyzerIdOrName);
        Map<String, Object> meta = new LinkedHashMap<>(request.toJson());
        meta.remove("data");
        meta.put("dataType", "file");
        MultipartBody body = MultipartBody.create()
                .file("data", filename, contentType == null ? "application/octet-stream" : contentType, file)
                .jsonField("_json", meta);
        return submit(id, HttpCall.post(runPath(id)).multipart(body).retry(RetryMode.WHEN_REJECTED).build());
    }

    private CortexJob submit(String analyzerId, HttpCall call) {
        try {
            return call(() -> json.send(call, CortexJob.class));
        } catch (CortexException e) {
            if (e.kind() == CortexErrorKind.NOT_FOUND) {
                // the analyzer was disabled since we looked it up: forget it
                analyzersByName.values().removeIf(analyzer -> analyzerId.equals(analyzer.id()));
            }
            throw e;
        }
    }

    private String resolveAnalyzerId(String idOrName) {
        return findAnalyzer(idOrName).map(CortexAnalyzer::id).orElseThrow(() -> new CortexException(
                CortexErrorKind.NOT_FOUND, target.name() + ": analyzer '" + idOrName + "' is not enabled in the "
                + "Cortex organisation of this API key", "AnalyzerNotFoundError", null, 404, null));
    }

    private static String runPath(String analyzerId) {
        return "/api/analyzer/" + QueryParams.encodePathSegment(analyzerId) + "/run";
    }

    /**
     * Responders accepting a data type such as {@code thehive:case}. A responder is a Cortex worker
     * like an analyzer, listed in the same shape.
     */
    public List<CortexAnalyzer> respondersFor(String dataType) {
        return call(() -> json.send(HttpCall.get("/api/responder/type/" + QueryParams.encodePathSegment(dataType))
                .query("range", "all").build(), ANALYZERS));
    }

    /** Runs a responder (by id) on an object; repeated only when Cortex refused it unprocessed, like {@link #run}. */
    public CortexJob runResponder(String responderId, ResponderRequest request) {
        return call(() -> json.send(HttpCall.post("/api/responder/" + QueryParams.encodePathSegment(responderId) + "/run")
                .json(request.toJson()).retry(RetryMode.WHEN_REJECTED).build(), CortexJob.class));
    }

    /** {@code GET /api/job/{id}}: the job without its report. */
    public CortexJob job(String jobId) {
        return call(() -> json.get(jobPath(jobId), QueryParams.empty(), CortexJob.class));
    }

    /** {@code GET /api/job/{id}/report}: the job with its report once ended. */
    public CortexJobReport report(String jobId) {
        return call(() -> cortexJson.jobReport(json.get(jobPath(jobId) + "/report")));
    }

    /**
     * {@code GET /api/job/{id}/waitreport?atMost=}: blocks in Cortex until the job ends or
     * {@code atMost} passes, then answers like {@link #report(String)}.
     */
    public CortexJobReport waitReport(String jobId, Duration atMost) {
        long seconds = Math.max(1, atMost.toSeconds());
        HttpCall call = HttpCall.get(jobPath(jobId) + "/waitreport")
                .query("atMost", seconds + (seconds == 1 ? " second" : " seconds"))
                .timeout(target.config().requestTimeout().plus(Duration.ofSeconds(seconds)))
                .build();
        try {
            return call(() -> cortexJson.jobReport(json.send(call)));
        } catch (CortexException e) {
            if (e.kind() == CortexErrorKind.STILL_RUNNING) {
                return new CortexJobReport(job(jobId), null);
            }
            throw e;
        }
    }

    /** {@code GET /api/job/{id}/artifacts}. */
    public List<CortexArtifact> artifacts(String jobId) {
        return call(() -> json.send(HttpCall.get(jobPath(jobId) + "/artifacts").query("range", "all").build(),
                new TypeReference<List<CortexArtifact>>() { }));
    }

    /**
     * Streams a file from Cortex's datastore ({@code GET /api/datastore/{id}}), e.g. a file artifact
     * of a report or the sample of a file job, without holding it in memory.
     */
    public <T> T readAttachment(String attachmentId, HttpTarget.StreamReader<T> reader) {
        return call(() -> target.readStream(HttpCall.get("/api/datastore/" + QueryParams.encodePathSegment(attachmentId))
                .header("Accept", "application/octet-stream").build(), reader));
    }

    /** Saves a datastore file to {@code destination} (replaced if present); returns its size. */
    public long downloadAttachment(String attachmentId, Path destination) {
        return readAttachment(attachmentId,
                in -> Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING));
    }

    /** {@code DELETE /api/job/{id}}: Cortex keeps the job with status Deleted. */
    public void deleteJob(String jobId) {
        call(() -> target.send(HttpCall.delete(jobPath(jobId)).build()));
    }

    /**
     * Status of many jobs with {@code POST /api/job/status}, in batches of 100. Ids Cortex does not
     * know come back as {@link JobState#NOT_FOUND}.
     */
    public Map<String, JobCheck> statuses(Collection<String> jobIds) {
        Map<String, JobCheck> result = new LinkedHashMap<>();
        List<String> ids = List.copyOf(jobIds);
        for (int from = 0; from < ids.size(); from += STATUS_BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + STATUS_BATCH));
            JsonNode answer = call(() -> json.send(HttpCall.post("/api/job/status")
                    .json(Map.of("jobIds", batch)).retry(RetryMode.ALWAYS).build()));
            for (String id : batch) {
                JsonNode value = answer.get(id);
                String text = value == null || value.isNull() ? "NotFound" : value.asString();
                result.put(id, statusEntry(id, text));
            }
        }
        return result;
    }

    private static JobCheck statusEntry(String id, String text) {
        try {
            JobState state = JobState.fromCortex(text);
            return new JobCheck(id, state, state == JobState.ERROR ? text : null, null);
        } catch (IllegalArgumentException unknown) {
            return new JobCheck(id, JobState.ERROR, unknown.getMessage(), null);
        }
    }

    /**
     * One polling round: batch status for all ids, then the report of each job that ended with one.
     * Returns one entry per id, in the order given.
     */
    public List<JobCheck> checkJobs(Collection<String> jobIds) {
        List<JobCheck> checks = new ArrayList<>();
        for (JobCheck check : statuses(jobIds).values()) {
            if (check.state().hasReport()) {
                checks.add(new JobCheck(check.jobId(), check.state(), null, report(check.jobId())));
            } else {
                checks.add(check);
            }
        }
        return checks;
    }

    private static String jobPath(String jobId) {
        return "/api/job/" + QueryParams.encodePathSegment(jobId);
    }

    private <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (HttpTargetException e) {
            throw errors.translate(e);
        }
    }

    private static final TypeReference<List<CortexAnalyzer>> ANALYZERS = new TypeReference<>() { };
}
