package io.sightline.server.connectors.cortex;

import io.sightline.server.SightlineApplication;
import io.sightline.server.support.TestApi;
import io.sightline.testkit.cortex.CortexEmulator;
import io.sightline.testkit.cortex.CortexEmulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hub is stopped while jobs and a responder action run in Cortex (and one job still waits
 * for a slot) and started again on the same database: every job gets its report, none is lost
 * or sent twice, and the action ends with its operation applied. Actions of a server removed
 * from the configuration end in Failure at start.
 */
class CortexRestartTest {
    static final String KEY = "sl_cortex_restart_key_0123456789";
    static final CortexEmulator CORTEX = CortexEmulator.start(CortexEmulatorOptions.defaults()
            .withJobCache(Duration.ZERO).withDelays(Duration.ofMillis(1500), Duration.ofMillis(1500)));

    @AfterAll
    static void stop() {
        CORTEX.close();
    }

    @Test
    void jobsRunningDuringARestartAreNotLost() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "cortex-restart-");
        List<String> jobs = new ArrayList<>();
        List<String> observables = new ArrayList<>();
        int before = CORTEX.jobIds().size(); // the emulator is shared with the other test
        try (ConfigurableApplicationContext first = start(data)) {
            TestApi api = TestApi.withKey(port(first), KEY);
            String caseId = api.post("/api/v1/case", Map.of("title", "restart", "description", "jobs survive")).json()
                    .get("_id").asString();
            for (int i = 0; i < 4; i++) {
                var o = api.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", "hash", "data",
                        Integer.toHexString(10 + i).repeat(32)));
                String observableId = o.json().get(0).get("_id").asString();
                observables.add(observableId);
                var job = api.post("/api/connector/cortex/job", Map.of("analyzerId", CortexContract.VT, "cortexId", "local",
                        "artifactId", observableId));
                assertThat(job.status()).as(job.toString()).isEqualTo(201);
                jobs.add(job.json().get("_id").asString());
            }
            JsonNode last = api.get("/api/connector/cortex/job/" + jobs.get(3)).json();
            assertThat(last.get("queued").asBoolean()).as("the 4th job waits for a slot").isTrue();
            assertThat(api.get("/api/connector/cortex/job/" + jobs.get(0)).json().get("status").asString()).isEqualTo("Waiting");
        }
        assertThat(CORTEX.jobIds()).hasSize(before + 3);

        try (ConfigurableApplicationContext second = start(data)) {
            TestApi api = TestApi.withKey(port(second), KEY);
            for (String job : jobs) {
                JsonNode ended = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                        .until(() -> api.get("/api/connector/cortex/job/" + job).json(),
                                j -> j.get("status").asString().equals("Success"));
                assertThat(ended.get("report").get("full").isObject()).isTrue();
            }
            for (String o : observables) {
                assertThat(api.get("/api/v1/observable/" + o).json().get("reports").has(CortexContract.VT)).isTrue();
            }
        }
        assertThat(CORTEX.jobIds()).as("no job sent twice").hasSize(before + 4);
    }

    @Test
    void anActionRunningDuringARestartEndsAfterItAndOneOfARemovedServerFails() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "cortex-restart-actions-");
        String caseId;
        String kept;
        String orphaned;
        try (ConfigurableApplicationContext first = start(data)) {
            TestApi api = TestApi.withKey(port(first), KEY);
            caseId = api.post("/api/v1/case", Map.of("title", "restart", "description", "actions survive")).json()
                    .get("_id").asString();
            kept = runTagger(api, caseId);
            assertThat(api.get("/api/connector/cortex/action/" + kept).json().get("status").asString()).isEqualTo("Waiting");
        }
        try (ConfigurableApplicationContext second = start(data)) {
            TestApi api = TestApi.withKey(port(second), KEY);
            JsonNode ended = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> api.get("/api/connector/cortex/action/" + kept).json(),
                            a -> a.get("status").asString().equals("Success"));
            assertThat(ended.get("operations").asString()).contains("\"status\":\"Success\"");
            assertThat(api.get("/api/v1/case/" + caseId).json().get("tags").toString()).contains("responder:handled");
            orphaned = runTagger(api, caseId);
        }
        try (ConfigurableApplicationContext renamed = start(data, "elsewhere")) {
            TestApi api = TestApi.withKey(port(renamed), KEY);
            JsonNode failed = api.get("/api/connector/cortex/action/" + orphaned).json();
            assertThat(failed.get("status").asString()).isEqualTo("Failure");
            assertThat(failed.get("errorMessage").asString()).isEqualTo("Cortex server local is no longer configured");
            assertThat(api.get("/api/connector/cortex/action/" + kept).json().get("status").asString()).isEqualTo("Success");
        }
    }

    private static String runTagger(TestApi api, String caseId) {
        var action = api.post("/api/connector/cortex/action", Map.of("responderId", CortexResponderContract.TAGGER,
                "objectType", "case", "objectId", caseId));
        assertThat(action.status()).as(action.toString()).isEqualTo(201);
        return action.json().get("_id").asString();
    }

    private static ConfigurableApplicationContext start(Path data) {
        return start(data, "local");
    }

    private static ConfigurableApplicationContext start(Path data, String serverName) {
        return SpringApplication.run(SightlineApplication.class, "--server.port=0", "--sightline.data-dir=" + data,
                "--sightline.admin.api-key=" + KEY,
                "--cortex.servers[0].name=" + serverName, "--cortex.servers[0].url=" + CORTEX.baseUrl(),
                "--cortex.servers[0].auth.type=bearer", "--cortex.servers[0].auth.key=" + CORTEX.apiKey(),
                "--cortex.servers[0].maxConcurrentJobs=3",
                "--cortex.refreshDelay=300ms", "--cortex.statusCheckInterval=1 minute");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
