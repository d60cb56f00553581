package io.sightline.server.casemerge;

import io.sightline.server.connectors.cortex.CortexRows;
import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A merge loses nothing an analyst recorded: task logs and their files, comments, pages,
 * procedures, custom field values, custom timeline events and case links (other cases' links now
 * name the merged case) are all on the merged case, and a restricted original keeps the merged
 * case hidden from a colleague it did not name; observables keep their ids, analyzer jobs and
 * responder actions, a value both cases hold ending once with what each had. Run on H2 and PostgreSQL.
 */
abstract class CaseMergeKeepsEverythingContract extends HubTest {
    private static final String PASSWORD = "merge-password";

    @Autowired
    private ApplicationContext hub;

    @Test
    void everyRecordOfBothCasesIsOnTheMergedCase() {
        String org = unique("merge");
        String lead = user(org);
        String named = user(org);
        String other = user(org);
        TestApi api = as(lead);
        String kept = field("string");
        String onlyB = field("integer");

        String a = created(api.post("/api/v1/case", Map.of("title", "A", "description", "a",
                "customFields", List.of(Map.of("name", kept, "value", "from A")))));
        String b = created(api.post("/api/v1/case", Map.of("title", "B", "description", "b",
                "customFields", List.of(Map.of("name", kept, "value", "from B"), Map.of("name", onlyB, "value", 7)))));
        String third = created(api.post("/api/v1/case", Map.of("title", "Third", "description", "c")));

        String taskA = created(api.post("/api/v1/case/" + a + "/task", Map.of("title", "Contain")));
        String taskB = created(api.post("/api/v1/case/" + b + "/task", Map.of("title", "Eradicate")));
        var log = api.postPart("/api/v1/task/" + taskA + "/log", "{\"message\":\"blocked at the gateway\"}", "attachments",
                "gateway.txt", "rule 42".getBytes(StandardCharsets.UTF_8));
        assertThat(log.status()).as(log.toString()).isEqualTo(201);
        created(api.post("/api/v1/task/" + taskB + "/log", Map.of("message", "reimaged the host")));
        created(api.post("/api/v1/case/" + a + "/comment", Map.of("message", "comment on A")));
        created(api.post("/api/v1/case/" + b + "/comment", Map.of("message", "comment on B")));
        created(api.post("/api/v1/case/" + a + "/page", Map.of("title", "Notes A", "category", "analysis", "content", "# A")));
        created(api.post("/api/v1/case/" + b + "/page", Map.of("title", "Notes B", "category", "analysis", "content", "# B")));
        created(api.post("/api/v1/case/" + a + "/procedure", Map.of("occurDate", 1_700_000_000_000L, "patternId", "T1566",
                "tactic", "initial-access")));
        created(api.post("/api/v1/case/" + b + "/procedure", Map.of("occurDate", 1_700_000_000_000L, "patternId", "T1059",
                "tactic", "execution")));
        created(api.post("/api/v1/case/" + a + "/customEvent", Map.of("date", 1_700_000_000_000L, "title", "event of A")));
        created(api.post("/api/v1/case/" + b + "/customEvent", Map.of("date", 1_700_000_000_000L, "title", "event of B")));
        link(api, a, "case", Map.of("type", "related", "caseId", third));
        link(api, a, "case", Map.of("type", "related", "caseId", b)); // between the originals: no self-link after
        link(api, b, "external", Map.of("type", "runbook", "url", "https://wiki.example/ir"));
        link(api, third, "case", Map.of("type", "related", "caseId", a));
        link(api, third, "case", Map.of("type", "related", "caseId", b)); // the same link twice once merged
        link(api, third, "case", Map.of("type", "duplicate", "caseId", b));
        var restrict = api.post("/api/v1/case/" + a + "/access",
                Map.of("access", Map.of("_kind", "UserAccessKind", "users", List.of(lead, named))));
        assertThat(restrict.status()).as(restrict.toString()).isEqualTo(204);

        var r = api.post("/api/v1/case/_merge/" + a + "," + b, Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String merged = r.json().get("_id").asString();

        JsonNode mergedCase = api.get("/api/v1/case/" + merged).json();
        assertThat(values(mergedCase.get("customFields"))).containsExactlyInAnyOrder(kept + "=from A", onlyB + "=7");
        assertThat(ids(api.get("/api/v1/case/" + merged + "/task").json())).containsExactlyInAnyOrder(taskA, taskB);
        JsonNode logs = api.get("/api/v1/task/" + taskA + "/log").json();
        assertThat(logs.get(0).get("message").asString()).isEqualTo("blocked at the gateway");
        assertThat(logs.get(0).get("attachments").size()).isEqualTo(1);
        assertThat(api.get("/api/v1/task/" + taskB + "/log").json().get(0).get("message").asString()).isEqualTo("reimaged the host");
        assertThat(texts(below(api, merged, "comments"), "message")).containsExactlyInAnyOrder("comment on A", "comment on B");
        assertThat(texts(below(api, merged, "pages"), "title")).containsExactlyInAnyOrder("Notes A", "Notes B");
        assertThat(texts(below(api, merged, "procedures"), "patternId")).containsExactlyInAnyOrder("T1566", "T1059");
        JsonNode events = api.get("/api/v1/case/" + merged + "/timeline").json().get("events");
        assertThat(events.valueStream().filter(e -> e.get("kind").asString().equals("CustomEvent")).count()).isEqualTo(2);
        assertThat(events.toString()).contains("event of A", "event of B");

        JsonNode own = linksOf(api, merged);
        assertThat(texts(own.get("caseLinks"), "caseId")).containsExactly(third);
        assertThat(texts(own.get("externalLinks"), "url")).containsExactly("https://wiki.example/ir");
        JsonNode ofThird = linksOf(api, third).get("caseLinks");
        assertThat(texts(ofThird, "caseId")).containsOnly(merged).hasSize(2);
        assertThat(texts(ofThird, "linkType")).containsExactlyInAnyOrder("related", "duplicate");

        assertThat(mergedCase.get("access").get("_kind").asString()).isEqualTo("UserAccessKind");
        assertThat(as(named).get("/api/v1/case/" + merged).status()).isEqualTo(200);
        assertThat(as(other).get("/api/v1/case/" + merged).status()).isEqualTo(404);
        assertThat(as(other).get("/api/v1/task/" + taskA + "/log").status()).isEqualTo(404);
        assertThat(linksOf(as(other), third).get("caseLinks").size()).as("links to the hidden merged case").isZero();
        assertThat(api.get("/api/v1/case/" + a).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/case/" + b).status()).isEqualTo(404);
    }

    @Test
    void observablesMoveWithTheirIdsJobsAndActionsAndAValueOfBothCasesEndsOnce() {
        TestApi api = as(user(unique("merge")));
        String shared = unique("shared") + ".example";
        String a = created(api.post("/api/v1/case", Map.of("title", "A", "description", "a")));
        String b = created(api.post("/api/v1/case", Map.of("title", "B", "description", "b")));
        String onlyA = observable(api, a, Map.of("dataType", "ip", "data", "192.0.2.10", "tags", List.of("only-a")));
        String sharedOfA = observable(api, a, Map.of("dataType", "domain", "data", shared, "tags", List.of("from-a"),
                "tlp", 1, "pap", 3, "sighted", true, "startDate", 1_700_000_500_000L));
        String sharedOfB = observable(api, b, Map.of("dataType", "domain", "data", shared, "tags", List.of("from-b"),
                "tlp", 3, "pap", 1, "ioc", true, "startDate", 1_700_000_000_000L));
        String onlyB = observable(api, b, Map.of("dataType", "ip", "data", "192.0.2.20"));
        String jobOfA = job(api, onlyA);
        String jobOfSharedB = job(api, sharedOfB);
        String actionOfA = CortexRows.failedActionOn(hub, onlyA);
        String actionOfSharedB = CortexRows.failedActionOn(hub, sharedOfB);
        String actionOnCaseB = CortexRows.failedActionOnCase(hub, b);

        var r = api.post("/api/v1/case/_merge/" + a + "," + b, Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String merged = r.json().get("_id").asString();

        assertThat(ids(api.get("/api/v1/case/" + merged + "/observables").json()))
                .containsExactlyInAnyOrder(onlyA, sharedOfA, onlyB);
        JsonNode kept = api.get("/api/v1/observable/" + sharedOfA).json();
        assertThat(texts(kept.get("tags"), null)).containsExactlyInAnyOrder("from-a", "from-b");
        assertThat(kept.get("ioc").asBoolean()).isTrue();
        assertThat(kept.get("sighted").asBoolean()).isTrue();
        assertThat(kept.get("tlp").asInt()).isEqualTo(3);
        assertThat(kept.get("pap").asInt()).isEqualTo(3);
        assertThat(kept.get("startDate").asLong()).isEqualTo(1_700_000_000_000L);
        assertThat(api.get("/api/v1/observable/" + sharedOfB).status()).isEqualTo(404);
        assertThat(texts(api.get("/api/v1/observable/" + onlyA).json().get("tags"), null)).containsExactly("only-a");

        assertThat(ids(api.get("/api/connector/cortex/job?observableId=" + onlyA).json())).containsExactly(jobOfA);
        assertThat(ids(api.get("/api/connector/cortex/job?observableId=" + sharedOfA).json())).containsExactly(jobOfSharedB);
        assertThat(ids(api.get("/api/connector/cortex/action/case_artifact/" + onlyA).json())).containsExactly(actionOfA);
        assertThat(ids(api.get("/api/connector/cortex/action/case_artifact/" + sharedOfA).json()))
                .containsExactly(actionOfSharedB);
        assertThat(ids(api.get("/api/connector/cortex/action/case/" + merged).json())).containsExactly(actionOnCaseB);
    }

    private static String observable(TestApi api, String caseId, Map<String, Object> body) {
        var r = api.post("/api/v1/case/" + caseId + "/observable", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get(0).get("_id").asString();
    }

    /** An analyzer job on the observable: no Cortex is configured, so it is stored ended in Failure. */
    private static String job(TestApi api, String observableId) {
        return created(api.post("/api/connector/cortex/job", Map.of("analyzerId", "Abuse_Finder_3_0", "cortexId", "nowhere",
                "artifactId", observableId)));
    }

    private String user(String org) {
        if (admin.get("/api/v1/organisation/" + org).status() == 404) {
            assertThat(admin.post("/api/v1/organisation", Map.of("name", org, "description", "test")).status()).isEqualTo(201);
        }
        String login = "user-" + UUID.randomUUID().toString().substring(0, 8) + "@" + org;
        var created = admin.post("/api/v1/user", Map.of("login", login, "name", login, "profile", "analyst",
                "organisation", org, "password", PASSWORD));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return login;
    }

    private TestApi as(String login) {
        return TestApi.withPassword(port, login, PASSWORD);
    }

    private String field(String type) {
        String name = unique("cf").replaceAll("[^A-Za-z0-9]", "");
        var r = admin.post("/api/v1/customField", Map.of("name", name, "group", "default", "description", "", "type", type,
                "mandatory", false));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return name;
    }

    private static void link(TestApi api, String caseId, String kind, Map<String, Object> body) {
        var r = api.post("/api/v1/case/" + caseId + "/link/" + kind + "/add", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
    }

    private static String created(TestApi.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("_id").asString();
    }

    /** The case's records of one kind through the query API ({@code getCase} then {@code comments}, {@code pages}, ...). */
    private static JsonNode below(TestApi api, String caseId, String step) {
        var r = api.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "getCase", "idOrName", caseId),
                Map.of("_name", step))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode linksOf(TestApi api, String caseId) {
        var r = api.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "getCase", "idOrName", caseId),
                Map.of("_name", "page", "from", 0, "to", 1, "extraData", List.of("links")))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get(0).get("extraData").get("links");
    }

    /** The field of each element, or each element itself when {@code field} is null. */
    private static List<String> texts(JsonNode list, String field) {
        return list.valueStream().map(n -> (field == null ? n : n.get(field)).asString()).toList();
    }

    private static List<String> ids(JsonNode list) {
        return texts(list, "_id");
    }

    private static List<String> values(JsonNode customFields) {
        return customFields.valueStream().map(v -> v.get("name").asString() + "=" + v.get("value").asString()).toList();
    }
}
