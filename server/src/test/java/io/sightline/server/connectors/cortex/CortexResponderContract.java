package io.sightline.server.connectors.cortex;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
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
 * Cortex responders through the hub's API against two emulated Cortex servers: listing for a
 * case, task, alert and observable, running actions, their end and the operations applied, and
 * what another organisation or a bad request gets. Run on H2 and PostgreSQL.
 */
abstract class CortexResponderContract extends HubTest {
    static final String TAGGER = "Sightline_Tagger_1_0";

    static final CortexEmulator ONE = CortexEmulator.start(CortexEmulatorOptions.defaults()
            .withDelays(Duration.ofMillis(50), Duration.ofMillis(150)));
    static final CortexEmulator TWO = CortexEmulator.start(CortexEmulatorOptions.defaults()
            .withApiKey("second-cortex-key-0123456789").withDelays(Duration.ofMillis(50), Duration.ofMillis(150)));

    @DynamicPropertySource
    static void cortex(DynamicPropertyRegistry r) {
        r.add("cortex.servers[0].name", () -> "one");
        r.add("cortex.servers[0].url", ONE::baseUrl);
        r.add("cortex.servers[0].auth.key", ONE::apiKey);
        r.add("cortex.servers[1].name", () -> "two");
        r.add("cortex.servers[1].url", TWO::baseUrl);
        r.add("cortex.servers[1].auth.key", TWO::apiKey);
        r.add("cortex.refreshDelay", () -> "200 milliseconds");
        r.add("cortex.maxRetryOnError", () -> "2");
    }

    @AfterEach
    void clearFaults() {
        ONE.faults().clear();
        TWO.faults().clear();
    }

    @Test
    void respondersAreListedForWhatTheyAcceptOnEveryServer() {
        String caseId = createCase(admin, unique("responders"));
        var forCase = admin.get("/api/connector/cortex/responder/case/" + caseId);
        assertThat(forCase.status()).as(forCase.toString()).isEqualTo(200);
        assertThat(names(forCase.json(), "name")).containsExactlyInAnyOrder(TAGGER, "Sightline_Notify_1_0");
        assertThat(names(find(forCase.json(), TAGGER).get("cortexIds"), null)).containsExactly("one", "two");
        assertThat(names(find(forCase.json(), TAGGER).get("dataTypeList"), null)).contains("thehive:case");

        String taskId = task(caseId);
        assertThat(names(admin.get("/api/v1/connector/cortex/responder/case_task/" + taskId).json(), "name"))
                .containsExactlyInAnyOrder("Sightline_CloseTask_1_0", "Sightline_Notify_1_0");
        String alertId = alert();
        assertThat(names(admin.get("/api/connector/cortex/responder/alert/" + alertId).json(), "name"))
                .containsExactlyInAnyOrder(TAGGER, "Sightline_MarkRead_1_0");
        String observableId = observable(caseId);
        assertThat(names(admin.get("/api/connector/cortex/responder/case_artifact/" + observableId).json(), "name"))
                .containsExactly(TAGGER);
        assertThat(names(admin.get("/api/connector/cortex/responder/observable/" + observableId).json(), "name"))
                .containsExactly(TAGGER);

        var wrongType = admin.get("/api/connector/cortex/responder/dashboard/" + caseId);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("message").asString()).contains("Unknown object type 'dashboard'");
        var stranger = newUser(unique("org"), "analyst");
        assertThat(stranger.get("/api/connector/cortex/responder/case/" + caseId).status()).isEqualTo(404);
    }

    @Test
    void anActionOnACaseEndsWithItsReportAndTagsTheCase() {
        String caseId = createCase(admin, unique("tag-case"));
        var run = admin.post("/api/connector/cortex/action", Map.of("responderId", TAGGER, "objectType", "case",
                "objectId", caseId, "parameters", Map.of("reason", "contained")));
        assertThat(run.status()).as(run.toString()).isEqualTo(201);
        JsonNode created = run.json();
        assertThat(created.get("_type").asString()).isEqualTo("action");
        assertThat(created.get("status").asString()).isIn("Waiting", "InProgress");
        assertThat(created.get("objectType").asString()).isEqualTo("case");
        assertThat(created.get("objectId").asString()).isEqualTo(caseId);
        assertThat(created.get("responderName").asString()).isEqualTo(TAGGER);
        assertThat(created.get("cortexId").asString()).isEqualTo("one");
        assertThat(ONE.jobIds()).contains(created.get("cortexJobId").asString());

        JsonNode done = awaitEnd(created.get("_id").asString());
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("Success");
        assertThat(done.get("report").get("full").get("message").asString()).isEqualTo("Tagged");
        JsonNode operations = parseOperations(done.get("operations").asString());
        assertThat(operations).hasSize(1);
        assertThat(operations.get(0).get("type").asString()).isEqualTo("AddTagToCase");
        assertThat(operations.get(0).get("status").asString()).as(operations.toString()).isEqualTo("Success");
        assertThat(names(admin.get("/api/v1/case/" + caseId).json().get("tags"), null)).contains("responder:handled");

        var listed = admin.get("/api/connector/cortex/action/case/" + caseId);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json()).hasSize(1);
        assertThat(listed.json().get(0).get("_id").asString()).isEqualTo(created.get("_id").asString());
        assertThat(admin.get("/api/v1/connector/cortex/action/" + created.get("_id").asString()).status()).isEqualTo(200);
    }

    @Test
    void operationsCloseATaskMarkAnAlertReadAndTagAnObservable() {
        String caseId = createCase(admin, unique("ops"));
        String taskId = task(caseId);
        assertThat(awaitEnd(action("Sightline_CloseTask_1_0", "case_task", taskId)).get("status").asString()).isEqualTo("Success");
        assertThat(admin.get("/api/v1/task/" + taskId).json().get("status").asString()).isEqualTo("Completed");

        String alertId = alert();
        assertThat(admin.get("/api/v1/alert/" + alertId).json().get("read").asBoolean()).isFalse();
        awaitEnd(action("Sightline_MarkRead_1_0", "alert", alertId));
        assertThat(admin.get("/api/v1/alert/" + alertId).json().get("read").asBoolean()).isTrue();
        JsonNode tagged = awaitEnd(action(TAGGER, "alert", alertId));
        assertThat(names(admin.get("/api/v1/alert/" + alertId).json().get("tags"), null)).as(tagged.toString())
                .contains("responder:handled");

        String observableId = observable(caseId);
        awaitEnd(action(TAGGER, "case_artifact", observableId));
        assertThat(names(admin.get("/api/v1/observable/" + observableId).json().get("tags"), null)).contains("responder:blocked");
        assertThat(admin.get("/api/connector/cortex/action/case_artifact/" + observableId).json()).hasSize(1);
    }

    @Test
    void aFailedResponderChangesNothingAndKeepsCortexsReason() {
        String caseId = createCase(admin, unique("fail"));
        ONE.faults().failJobsOf(TAGGER, "Mail server unreachable");
        JsonNode done = awaitEnd(action(TAGGER, "case", caseId));
        assertThat(done.get("status").asString()).isEqualTo("Failure");
        assertThat(done.get("errorMessage").asString()).isEqualTo("Mail server unreachable");
        assertThat(done.get("report").get("success").asBoolean()).isFalse();
        assertThat(done.get("operations").asString()).isEqualTo("[]");
        assertThat(names(admin.get("/api/v1/case/" + caseId).json().get("tags"), null)).doesNotContain("responder:handled");
    }

    @Test
    void aResponderOnTheChosenServerAndRefusalsWithNothingStored() {
        String caseId = createCase(admin, unique("refusals"));
        var onTwo = admin.post("/api/connector/cortex/action", Map.of("responderId", TAGGER, "cortexId", "two",
                "objectType", "case", "objectId", caseId));
        assertThat(onTwo.status()).as(onTwo.toString()).isEqualTo(201);
        assertThat(TWO.jobIds()).contains(onTwo.json().get("cortexJobId").asString());
        awaitEnd(onTwo.json().get("_id").asString());

        var unknown = admin.post("/api/connector/cortex/action", Map.of("responderId", "Nope_1_0", "objectType", "case",
                "objectId", caseId));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asString()).isEqualTo("Responder Nope_1_0 not found for case in any Cortex server");
        var wrongKind = admin.post("/api/connector/cortex/action", Map.of("responderId", "Sightline_CloseTask_1_0",
                "objectType", "case", "objectId", caseId));
        assertThat(wrongKind.status()).isEqualTo(404);
        var extra = admin.post("/api/connector/cortex/action", Map.of("responderId", TAGGER, "objectType", "case",
                "objectId", caseId, "colour", "red"));
        assertThat(extra.status()).isEqualTo(400);
        var noObject = admin.post("/api/connector/cortex/action", Map.of("responderId", TAGGER, "objectType", "case"));
        assertThat(noObject.status()).isEqualTo(400);
        assertThat(noObject.json().get("message").asString()).contains("objectId");
        var badTlp = admin.post("/api/connector/cortex/action", Map.of("responderId", TAGGER, "objectType", "case",
                "objectId", caseId, "tlp", 7));
        assertThat(badTlp.status()).isEqualTo(400);

        var stranger = newUser(unique("org"), "analyst");
        var foreign = stranger.post("/api/connector/cortex/action", Map.of("responderId", TAGGER, "objectType", "case",
                "objectId", caseId));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(stranger.get("/api/connector/cortex/action/case/" + caseId).status()).isEqualTo(404);
        assertThat(stranger.get("/api/connector/cortex/action/" + onTwo.json().get("_id").asString()).status()).isEqualTo(404);
        var readOnly = newUser(unique("org"), "read-only");
        assertThat(readOnly.post("/api/connector/cortex/action", Map.of("responderId", TAGGER, "objectType", "case",
                "objectId", caseId)).status()).isEqualTo(403);
        assertThat(admin.get("/api/connector/cortex/action/case/" + caseId).json()).hasSize(1);
    }

    @Test
    void actionsAreFoundThroughTheQueryApiAndHiddenWithTheirRestrictedCase() {
        String caseId = createCase(admin, unique("query-actions"));
        String taskId = task(caseId);
        String onCase = action(TAGGER, "case", caseId);
        String onTask = action("Sightline_CloseTask_1_0", "case_task", taskId);
        awaitEnd(onCase);

        var byResponder = admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "listAction"),
                Map.of("_name", "filter", "_and", List.of(Map.of("_eq", Map.of("_field", "objectId", "_value", caseId)),
                        Map.of("_eq", Map.of("_field", "objectType", "_value", "case")))))));
        assertThat(byResponder.status()).as(byResponder.toString()).isEqualTo(200);
        assertThat(byResponder.json()).hasSize(1);
        assertThat(byResponder.json().get(0).get("_id").asString()).isEqualTo(onCase);
        assertThat(byResponder.json().get(0).get("_type").asString()).isEqualTo("action");
        var ofCase = admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "getCase", "idOrName", caseId),
                Map.of("_name", "actions"), Map.of("_name", "count"))));
        assertThat(ofCase.body()).isEqualTo("1");
        var ofTask = admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "getTask", "idOrName", taskId),
                Map.of("_name", "actions"))));
        assertThat(ofTask.json().get(0).get("_id").asString()).isEqualTo(onTask);
        var byId = admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "getAction", "idOrName", onCase))));
        assertThat(byId.json().get(0).get("objectType").asString()).isEqualTo("case");
        assertThat(admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "listAction"),
                Map.of("_name", "filter", "_eq", Map.of("_field", "colour", "_value", "red"))))).status()).isEqualTo(400);

        String org = admin.get("/api/v1/user/current").json().get("organisation").asString();
        TestApi colleague = newUser(org, "analyst");
        var seen = Map.of("query", List.of(Map.of("_name", "getAction", "idOrName", onCase)));
        assertThat(colleague.post("/api/v1/query", seen).json()).hasSize(1);
        assertThat(admin.post("/api/v1/case/" + caseId + "/access",
                Map.of("access", Map.of("_kind", "UserAccessKind", "users", List.of("admin")))).status()).isEqualTo(204);
        assertThat(colleague.post("/api/v1/query", seen).status()).isEqualTo(404);
        assertThat(admin.post("/api/v1/query", seen).json()).hasSize(1);
    }

    // ---- helpers

    String action(String responder, String objectType, String objectId) {
        var r = admin.post("/api/connector/cortex/action", Map.of("responderId", responder, "objectType", objectType,
                "objectId", objectId));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("_id").asString();
    }

    JsonNode awaitEnd(String actionId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> admin.get("/api/connector/cortex/action/" + actionId).json(),
                        a -> !List.of("Waiting", "InProgress").contains(a.get("status").asString()));
    }

    String task(String caseId) {
        var r = admin.post("/api/v1/case/" + caseId + "/task", Map.of("title", "Contain the host"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("_id").asString();
    }

    String alert() {
        var r = admin.post("/api/v1/alert", Map.of("type", "misp", "source", "MISP Server", "sourceRef", unique("event"),
                "title", "Phishing wave", "description", "Reported by the mail gateway"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("_id").asString();
    }

    String observable(String caseId) {
        var r = admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", "ip", "data", "198.51.100.23"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get(0).get("_id").asString();
    }

    static JsonNode find(JsonNode list, String name) {
        for (JsonNode a : list) if (a.get("name").asString().equals(name)) return a;
        return null;
    }

    static List<String> names(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(field == null ? n.asString() : n.get(field).asString()));
        return out;
    }

    /** TheHive's {@code operations}: a JSON array sent as a string. */
    static JsonNode parseOperations(String text) {
        return TestApi.JSON.readTree(text);
    }
}
