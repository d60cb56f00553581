package io.sightline.server.connectors.cortex;

import io.sightline.server.support.HubTest;
import io.sightline.testkit.cortex.CortexEmulator;
import io.sightline.testkit.cortex.CortexEmulatorOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Cortex connector through the hub's API against two emulated Cortex servers: "local" (fast
 * jobs) and "second" (slower jobs, 2 job slots, no inline HTTP retries so that every injected
 * fault reaches the job). Run on H2 and PostgreSQL.
 */
abstract class CortexContract extends HubTest {
    static final String SEED_HASH = "4a821767c6ce723e6fb4b8d54efd52df6cbd63fc0de47a7b8b39a6ec72b4be69";
    static final String VT = "VirusTotal_GetReport_3_1";

    static final CortexEmulator LOCAL = CortexEmulator.start(CortexEmulatorOptions.defaults().withJobCache(Duration.ZERO));
    static final CortexEmulator SECOND = CortexEmulator.start(CortexEmulatorOptions.defaults()
            .withApiKey("second-cortex-key-0123456789").withJobCache(Duration.ZERO)
            .withDelays(Duration.ofMillis(500), Duration.ofMillis(1500)));

    @DynamicPropertySource
    static void cortex(DynamicPropertyRegistry r) {
        r.add("cortex.servers[0].name", () -> "local");
        r.add("cortex.servers[0].url", LOCAL::baseUrl);
        r.add("cortex.servers[0].auth.type", () -> "bearer");
        r.add("cortex.servers[0].auth.key", LOCAL::apiKey);
        r.add("cortex.servers[1].name", () -> "second");
        r.add("cortex.servers[1].url", SECOND::baseUrl);
        r.add("cortex.servers[1].auth.key", SECOND::apiKey);
        r.add("cortex.servers[1].maxConcurrentJobs", () -> "2");
        r.add("cortex.servers[1].wsConfig.maxRequestRetry", () -> "0");
        r.add("cortex.refreshDelay", () -> "200 milliseconds");
        r.add("cortex.statusCheckInterval", () -> "300 milliseconds");
        r.add("cortex.maxRetryOnError", () -> "2");
    }

    @AfterEach
    void clearFaults() {
        LOCAL.faults().clear();
        SECOND.faults().clear();
    }

    @Test
    void theSeedsTestCaseRunsVirusTotalOnTheHashAndShowsTheReport() {
        var c = admin.post("/api/v1/case", Map.of("title", "Cortex & MISP Intergration Demo",
                "description", "Deming a case to test the intergration of MISP and Cortex"));
        assertThat(c.status()).as(c.toString()).isEqualTo(201);
        String observableId = addObservable(c.json().get("_id").asString(), "hash", SEED_HASH);

        var analyzers = admin.get("/api/connector/cortex/analyzer/type/hash");
        assertThat(analyzers.status()).isEqualTo(200);
        JsonNode vt = find(analyzers.json(), VT);
        assertThat(vt).as(analyzers.body()).isNotNull();
        assertThat(names(vt.get("cortexIds"))).containsExactly("local", "second");
        assertThat(names(vt.get("dataTypeList"))).contains("hash", "file");

        var run = admin.post("/api/connector/cortex/job", Map.of("analyzerId", VT, "cortexId", "local", "artifactId", observableId));
        assertThat(run.status()).as(run.toString()).isEqualTo(201);
        assertThat(run.json().get("status").asString()).isIn("Waiting", "InProgress");
        assertThat(run.json().get("cortexId").asString()).isEqualTo("local");
        assertThat(run.json().get("analyzerName").asString()).isEqualTo(VT);
        assertThat(run.json().get("_type").asString()).isEqualTo("case_artifact_job");
        String jobId = run.json().get("_id").asString();

        JsonNode job = awaitEnd(jobId);
        assertThat(job.get("status").asString()).isEqualTo("Success");
        assertThat(job.get("report").get("success").asBoolean()).isTrue();
        assertThat(job.get("report").get("full").isObject()).isTrue();
        assertThat(job.get("cortexJobId").asString()).isIn(LOCAL.jobIds());
        assertThat(job.get("endDate").asLong()).isGreaterThanOrEqualTo(job.get("startDate").asLong());

        JsonNode taxonomies = admin.get("/api/v1/observable/" + observableId).json().get("reports").get(VT).get("taxonomies");
        assertThat(taxonomies).hasSize(1);
        assertThat(taxonomies.get(0).get("level").asString()).isEqualTo("malicious");
        assertThat(taxonomies.get(0).get("namespace").asString()).isEqualTo("VT");
        assertThat(taxonomies.get(0).get("predicate").asString()).isEqualTo("GetReport");
        assertThat(taxonomies.get(0).get("value").asString()).isEqualTo("45/70");

        var listed = admin.get("/api/connector/cortex/job?observableId=" + observableId);
        assertThat(listed.json()).hasSize(1);
        assertThat(listed.json().get(0).get("_id").asString()).isEqualTo(jobId);
    }

    @Test
    void aNewRunOfTheSameAnalyzerReplacesItsTaxonomiesAndAFailureLeavesThemAlone() {
        String observableId = addObservable(createCase(admin, unique("rerun")), "hash", "a".repeat(64));
        assertThat(awaitEnd(runJob(VT, "local", observableId)).get("status").asString()).isEqualTo("Success");
        assertThat(awaitEnd(runJob(VT, "local", observableId)).get("status").asString()).isEqualTo("Success");
        JsonNode reports = admin.get("/api/v1/observable/" + observableId).json().get("reports");
        assertThat(reports.get(VT).get("taxonomies")).hasSize(1);

        LOCAL.faults().failJobsOf(VT, "Invalid API key for VirusTotal");
        JsonNode failed = awaitEnd(runJob(VT, "local", observableId));
        assertThat(failed.get("status").asString()).isEqualTo("Failure");
        assertThat(failed.get("errorMessage").asString()).isEqualTo("Invalid API key for VirusTotal");
        assertThat(failed.get("report").get("errorMessage").asString()).isEqualTo("Invalid API key for VirusTotal");
        assertThat(admin.get("/api/v1/observable/" + observableId).json().get("reports")).isEqualTo(reports);
    }

    @Test
    void aFileObservableSendsItsFile() {
        String caseId = createCase(admin, unique("file"));
        var added = admin.postFile("/api/v1/case/" + caseId + "/observable", "{\"dataType\":\"file\",\"tags\":[\"sample\"]}",
                "sample.bin", "not really malware".getBytes());
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String observableId = added.json().get(0).get("_id").asString();
        JsonNode job = awaitEnd(runJob(VT, "local", observableId));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("Success");
        assertThat(admin.get("/api/v1/observable/" + observableId).json().get("reports").has(VT)).isTrue();
    }

    @Test
    void reportArtifactsBecomeObservablesOnRequest() {
        String caseId = createCase(admin, unique("artifacts"));
        String observableId = addObservable(caseId, "ip", "203.0.113.25");
        JsonNode job = awaitEnd(runJob("DShield_lookup_1_0", "local", observableId));
        assertThat(job.get("status").asString()).isEqualTo("Success");
        var imported = admin.post("/api/connector/cortex/job/" + job.get("_id").asString() + "/artifacts", Map.of());
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        List<String> values = new ArrayList<>();
        imported.json().get("created").forEach(o -> values.add(o.get("dataType").asString() + ":" + o.get("data").asString()));
        assertThat(values).contains("autonomous-system:64501", "mail:abuse@hosting.example.net");
        assertThat(imported.json().get("created").get(0).get("ioc").asBoolean()).isFalse();
        var again = admin.post("/api/connector/cortex/job/" + job.get("_id").asString() + "/artifacts", Map.of());
        assertThat(again.json().get("created")).isEmpty();
        assertThat(again.json().get("skipped")).hasSize(values.size());
    }

    @Test
    void aFailingServerDoesNotStopJobsOnAnother() {
        String caseId = createCase(admin, unique("failing"));
        SECOND.faults().failNext(CortexEmulator.JOB_STATUS, 1000, 500);
        String onSecond = runJob(VT, "second", addObservable(caseId, "hash", "b".repeat(64)));
        String onLocal = runJob(VT, "local", addObservable(caseId, "hash", "c".repeat(64)));
        assertThat(awaitEnd(onLocal).get("status").asString()).isEqualTo("Success");
        JsonNode failed = awaitEnd(onSecond);
        assertThat(failed.get("status").asString()).isEqualTo("Failure");
        assertThat(failed.get("errorMessage").asString()).contains("Polling Cortex second failed 3 times").contains("500");
    }

    @Test
    void errorsAreCountedPerJobAndResetBySuccess() {
        String caseId = createCase(admin, unique("per-job"));
        // two failed polls are tolerated (maxRetryOnError = 2), for this job and again for the next one
        for (String hash : List.of("d".repeat(64), "e".repeat(64))) {
            SECOND.faults().failNext(CortexEmulator.JOB_STATUS, 2, 502);
            JsonNode job = awaitEnd(runJob(VT, "second", addObservable(caseId, "hash", hash)));
            assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("Success");
            assertThat(job.get("errorCount").asInt()).isZero();
        }
    }

    @Test
    void aDeletedJobIsTerminal() {
        String jobId = runJob(VT, "second", addObservable(createCase(admin, unique("deleted")), "hash", "f".repeat(64)));
        String cortexJobId = await().atMost(Duration.ofSeconds(10)).until(
                () -> admin.get("/api/connector/cortex/job/" + jobId).json().path("cortexJobId").asString(null),
                id -> id != null);
        assertThat(SECOND.deleteJob(cortexJobId)).isTrue();
        JsonNode job = awaitEnd(jobId);
        assertThat(job.get("status").asString()).isEqualTo("Deleted");
        assertThat(job.get("errorMessage").asString()).contains("deleted in Cortex");
    }

    @Test
    void jobsBeyondTheServersSlotsAreQueuedNotRefused() {
        String caseId = createCase(admin, unique("slots"));
        List<Map<String, Object>> bulk = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            bulk.add(Map.of("analyzerId", VT, "cortexId", "second", "artifactId",
                    addObservable(caseId, "hash", Integer.toString(i).repeat(64))));
        }
        var created = admin.post("/api/v1/connector/cortex/job/_bulk", Map.of("jobs", bulk));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        List<JsonNode> ended = new ArrayList<>();
        created.json().forEach(j -> ended.add(awaitEnd(j.get("_id").asString())));
        assertThat(ended).allSatisfy(j -> assertThat(j.get("status").asString()).isEqualTo("Success"));
        // never more than 2 jobs on the server at once: the others waited in Sightline's queue
        for (JsonNode j : ended) {
            long at = j.get("submittedAt").asLong();
            long overlapping = ended.stream().filter(o -> o.get("submittedAt").asLong() <= at && o.get("finishedAt").asLong() > at).count();
            assertThat(overlapping).isLessThanOrEqualTo(2);
        }
        long waited = ended.stream().filter(j -> j.get("submittedAt").asLong() - j.get("_createdAt").asLong() >= 1000).count();
        assertThat(waited).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aRateLimitedSubmissionWaitsForRetryAfterAndGoesThrough() {
        SECOND.faults().rateLimitNext(CortexEmulator.RUN, 1, 1);
        String jobId = runJob(VT, "second", addObservable(createCase(admin, unique("429")), "hash", "9".repeat(64)));
        JsonNode first = admin.get("/api/connector/cortex/job/" + jobId).json();
        assertThat(first.get("queued").asBoolean()).isTrue();
        assertThat(first.get("lastError").asString()).contains("Rate limited");
        JsonNode job = awaitEnd(jobId);
        assertThat(job.get("status").asString()).isEqualTo("Success");
        assertThat(job.get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void statusShowsEachServerAndFollowsTheKeyGoingBadAndGood() {
        awaitServer("second", "OK");
        JsonNode cortex = admin.get("/api/status").json().get("connectors").get("cortex");
        assertThat(cortex.get("enabled").asBoolean()).isTrue();
        assertThat(cortex.get("servers").get(0).get("version").asString()).isEqualTo("3.1.8-1");
        assertThat(admin.get("/api/status").body()).doesNotContain(SECOND.apiKey()).doesNotContain(LOCAL.apiKey());

        SECOND.faults().rejectKey(401);
        JsonNode bad = awaitServer("second", "AUTH_ERROR");
        assertThat(bad.get("lastError").asString()).contains("401");
        assertThat(admin.get("/api/status").json().get("connectors").get("cortex").get("status").asString()).isEqualTo("WARNING");
        SECOND.faults().acceptKey();
        awaitServer("second", "OK");
    }

    @Test
    void anUnknownAnalyzerOrServerIsAcceptedAsAJobThatFailedWithTheReason() {
        String observableId = addObservable(createCase(admin, unique("errors")), "hash", "7".repeat(64));
        var noAnalyzer = admin.post("/api/connector/cortex/job", Map.of("analyzerId", "Nope_1_0", "cortexId", "local", "artifactId", observableId));
        assertThat(noAnalyzer.status()).as(noAnalyzer.toString()).isEqualTo(201);
        assertThat(noAnalyzer.json().get("status").asString()).isEqualTo("Failure");
        assertThat(noAnalyzer.json().get("errorMessage").asString()).startsWith("Analyzer Nope_1_0 not found in Cortex local");
        assertThat(noAnalyzer.json().get("report").get("success").asBoolean()).isFalse();
        var noServer = admin.post("/api/connector/cortex/job", Map.of("analyzerId", VT, "cortexId", "elsewhere", "artifactId", observableId));
        assertThat(noServer.status()).isEqualTo(201);
        assertThat(noServer.json().get("cortexId").asString()).isEqualTo("elsewhere");
        assertThat(noServer.json().get("errorMessage").asString()).isEqualTo("Cortex elsewhere not found");
        var nowhere = admin.post("/api/connector/cortex/job", Map.of("analyzerId", "Nope_1_0", "artifactId", observableId));
        assertThat(nowhere.json().get("errorMessage").asString()).isEqualTo("Analyzer Nope_1_0 not found in any Cortex server");

        var listed = admin.get("/api/connector/cortex/job?observableId=" + observableId);
        assertThat(listed.json()).hasSize(3);
        listed.json().forEach(j -> assertThat(j.get("status").asString()).isEqualTo("Failure"));
        assertThat(LOCAL.jobIds()).doesNotContain(noAnalyzer.json().path("cortexJobId").asString("none"));
        assertThat(admin.get("/api/v1/observable/" + observableId).json().get("reports").isEmpty()).isTrue();
    }

    @Test
    void badBodiesAre400AndAnotherOrganisationsObservableIs404WithNothingStored() {
        String observableId = addObservable(createCase(admin, unique("bad")), "hash", "8".repeat(64));
        var extra = admin.post("/api/connector/cortex/job", Map.of("analyzerId", VT, "artifactId", observableId, "color", "red"));
        assertThat(extra.status()).isEqualTo(400);
        assertThat(extra.json().get("message").asString()).contains("color");
        var readOnly = newUser(unique("org"), "read-only");
        assertThat(readOnly.post("/api/connector/cortex/job", Map.of("analyzerId", VT, "artifactId", observableId)).status())
                .isIn(403, 404);
        var stranger = newUser(unique("org"), "analyst");
        var foreign = stranger.post("/api/connector/cortex/job", Map.of("analyzerId", "Nope", "cortexId", "x", "artifactId", observableId));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(admin.get("/api/connector/cortex/job?observableId=" + observableId).json()).isEmpty();
    }

    @Test
    void bulkJobsAndTheQueryStepListJob() {
        String caseId = createCase(admin, unique("bulk"));
        String first = addObservable(caseId, "hash", "9".repeat(64));
        String second = addObservable(caseId, "hash", "6".repeat(64));
        var bulk = admin.post("/api/v1/connector/cortex/job/_bulk", Map.of("jobs", List.of(
                Map.of("analyzerId", VT, "cortexId", "local", "artifactId", first),
                Map.of("analyzerId", "dummy-analyzer", "cortexId", "dummy-cortex", "artifactId", second))));
        assertThat(bulk.status()).as(bulk.toString()).isEqualTo(201);
        assertThat(bulk.json()).hasSize(2);
        String okId = bulk.json().get(0).get("_id").asString();
        String failedId = bulk.json().get(1).get("_id").asString();
        assertThat(bulk.json().get(1).get("status").asString()).isEqualTo("Failure");
        assertThat(awaitEnd(okId).get("status").asString()).isEqualTo("Success");

        var found = admin.post("/api/v1/query?name=analyzer-jobs", Map.of("query", List.of(Map.of("_name", "listJob"),
                Map.of("_name", "filter", "_id", failedId))));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json()).hasSize(1);
        assertThat(found.json().get(0).get("_type").asString()).isEqualTo("case_artifact_job");
        assertThat(found.json().get(0).get("case_artifact").get("_id").asString()).isEqualTo(second);
        var failures = admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "getObservable", "idOrName", second),
                Map.of("_name", "jobs"), Map.of("_name", "filter", "_eq", Map.of("_field", "status", "_value", "Failure")))));
        assertThat(failures.status()).as(failures.toString()).isEqualTo(200);
        assertThat(failures.json()).hasSize(1);
        var stranger = newUser(unique("org"), "analyst");
        var hidden = stranger.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "listJob"),
                Map.of("_name", "filter", "_id", failedId))));
        assertThat(hidden.status()).isEqualTo(200);
        assertThat(hidden.json()).isEmpty();
    }

    // ---- helpers

    String addObservable(String caseId, String dataType, String data) {
        var r = admin.post("/api/v1/case/" + caseId + "/observable",
                Map.of("dataType", dataType, "data", data, "ioc", true, "tags", List.of("Hash")));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get(0).get("_id").asString();
    }

    String runJob(String analyzer, String server, String observableId) {
        var r = admin.post("/api/connector/cortex/job", Map.of("analyzerId", analyzer, "cortexId", server, "artifactId", observableId));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("_id").asString();
    }

    JsonNode awaitEnd(String jobId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> admin.get("/api/connector/cortex/job/" + jobId).json(),
                        j -> !List.of("Waiting", "InProgress").contains(j.get("status").asString()));
    }

    JsonNode awaitServer(String name, String status) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (JsonNode s : admin.get("/api/status").json().get("connectors").get("cortex").get("servers")) {
                if (s.get("name").asString().equals(name)) return s;
            }
            return null;
        }, s -> s != null && s.get("status").asString().equals(status));
    }

    static JsonNode find(JsonNode list, String name) {
        for (JsonNode a : list) if (a.get("name").asString().equals(name)) return a;
        return null;
    }

    static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
