package io.sightline.server.tasks;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Tasks of cases over HTTP, as thehive4py drives them; run on H2 and on PostgreSQL. */
abstract class TasksContract extends HubTest {

    private JsonNode createTask(TestApi api, String caseId, Map<String, Object> body) {
        var r = api.post("/api/v1/case/" + caseId + "/task", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private JsonNode task(TestApi api, String id) {
        var r = api.get("/api/v1/task/" + id);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void createsATaskWithTheHiveDefaultsAndReadsItBack() {
        String caseId = createCase(admin, unique("tasks"));
        JsonNode t = createTask(admin, caseId, Map.of("title", "test task"));
        assertThat(t.get("_id").asString()).startsWith("~");
        assertThat(t.get("_type").asString()).isEqualTo("Task");
        assertThat(t.get("_createdBy").asString()).isEqualTo("admin");
        assertThat(t.get("_createdAt").asLong()).isGreaterThan(1_600_000_000_000L);
        assertThat(t.get("title").asString()).isEqualTo("test task");
        assertThat(t.get("group").asString()).isEqualTo("default");
        assertThat(t.get("status").asString()).isEqualTo("Waiting");
        assertThat(t.get("flag").asBoolean()).isFalse();
        assertThat(t.get("mandatory").asBoolean()).isFalse();
        assertThat(t.get("order").asInt()).isZero();
        assertThat(t.get("extraData").isObject()).isTrue();
        assertThat(t.has("startDate")).isFalse();
        assertThat(t.has("assignee")).isFalse();
        assertThat(task(admin, t.get("_id").asString())).isEqualTo(t);

        JsonNode full = createTask(admin, caseId, Map.of("title", "full", "group", "triage", "description", "**check** logs",
                "flag", true, "mandatory", true, "order", 3, "dueDate", 1_900_000_000_000L, "assignee", "admin"));
        assertThat(full.get("group").asString()).isEqualTo("triage");
        assertThat(full.get("description").asString()).isEqualTo("**check** logs");
        assertThat(full.get("flag").asBoolean()).isTrue();
        assertThat(full.get("mandatory").asBoolean()).isTrue();
        assertThat(full.get("order").asInt()).isEqualTo(3);
        assertThat(full.get("dueDate").asLong()).isEqualTo(1_900_000_000_000L);
        assertThat(full.get("assignee").asString()).isEqualTo("admin");
    }

    @Test
    void listsACaseTasksByGroupThenOrder() {
        String caseId = createCase(admin, unique("ordered"));
        createTask(admin, caseId, Map.of("title", "b2", "group", "b", "order", 2));
        createTask(admin, caseId, Map.of("title", "a1", "group", "a", "order", 1));
        createTask(admin, caseId, Map.of("title", "b1", "group", "b", "order", 1));
        createTask(admin, caseId, Map.of("title", "a0", "group", "a"));
        createTask(admin, createCase(admin, unique("other")), Map.of("title", "elsewhere"));
        var list = admin.get("/api/v1/case/" + caseId + "/task");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().valueStream().map(t -> t.get("title").asString()).toList()).containsExactly("a0", "a1", "b1", "b2");
        assertThat(admin.get("/api/v1/case/~999999999/task").status()).isEqualTo(404);
    }

    @Test
    void startingCompletingAndResettingATaskSetItsDates() {
        String caseId = createCase(admin, unique("life"));
        String id = createTask(admin, caseId, Map.of("title", "work")).get("_id").asString();

        var started = admin.patch("/api/v1/task/" + id, Map.of("status", "InProgress"));
        assertThat(started.status()).as(started.toString()).isEqualTo(204);
        JsonNode t = task(admin, id);
        assertThat(t.get("status").asString()).isEqualTo("InProgress");
        assertThat(t.get("startDate").asLong()).isGreaterThan(1_600_000_000_000L);
        assertThat(t.get("assignee").asString()).as("starting an unassigned task takes it").isEqualTo("admin");
        assertThat(t.get("_updatedBy").asString()).isEqualTo("admin");
        assertThat(t.has("endDate")).isFalse();

        assertThat(admin.patch("/api/v1/task/" + id, Map.of("status", "Completed")).status()).isEqualTo(204);
        t = task(admin, id);
        assertThat(t.get("endDate").asLong()).isGreaterThanOrEqualTo(t.get("startDate").asLong());

        assertThat(admin.patch("/api/v1/task/" + id, Map.of("status", "Waiting")).status()).isEqualTo(204);
        t = task(admin, id);
        assertThat(t.has("startDate")).isFalse();
        assertThat(t.has("endDate")).isFalse();

        JsonNode done = createTask(admin, caseId, Map.of("title", "done already", "status", "Completed",
                "startDate", 1_700_000_000_000L, "endDate", 1_700_000_100_000L));
        assertThat(done.get("endDate").asLong()).isEqualTo(1_700_000_100_000L);
        assertThat(admin.patch("/api/v1/task/" + id, Map.of("status", "Cancel")).status()).isEqualTo(204);
        assertThat(task(admin, id).get("status").asString()).isEqualTo("Cancel");

        var backwards = admin.patch("/api/v1/task/" + id, Map.of("startDate", 2_000L, "endDate", 1_000L));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("message").asString()).isEqualTo("Field endDate of task is before its startDate");
    }

    @Test
    void updatesAndClearsFields() {
        String id = createTask(admin, createCase(admin, unique("patch")), Map.of("title", "t", "description", "d",
                "dueDate", 5_000L)).get("_id").asString();
        Map<String, Object> changes = new HashMap<>();
        changes.put("title", "updated task title");
        changes.put("description", null);
        changes.put("dueDate", null);
        changes.put("flag", true);
        changes.put("order", 7);
        assertThat(admin.patch("/api/v1/task/" + id, changes).status()).isEqualTo(204);
        JsonNode t = task(admin, id);
        assertThat(t.get("title").asString()).isEqualTo("updated task title");
        assertThat(t.has("description")).isFalse();
        assertThat(t.has("dueDate")).isFalse();
        assertThat(t.get("flag").asBoolean()).isTrue();
        assertThat(t.get("order").asInt()).isEqualTo(7);
    }

    @Test
    void bulkUpdatesAllListedTasksOrNone() {
        String caseId = createCase(admin, unique("bulk"));
        String a = createTask(admin, caseId, Map.of("title", "my first task")).get("_id").asString();
        String b = createTask(admin, caseId, Map.of("title", "my second task")).get("_id").asString();
        var r = admin.patch("/api/v1/task/_bulk", Map.of("ids", List.of(a, b), "title", "my updated task", "flag", true));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        for (String id : List.of(a, b)) {
            assertThat(task(admin, id).get("title").asString()).isEqualTo("my updated task");
            assertThat(task(admin, id).get("flag").asBoolean()).isTrue();
        }

        var unknown = admin.patch("/api/v1/task/_bulk", Map.of("ids", List.of(a, "~999999999"), "title", "never"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asString()).isEqualTo("Task ~999999999 not found");
        assertThat(task(admin, a).get("title").asString()).isEqualTo("my updated task");

        assertThat(admin.patch("/api/v1/task/_bulk", Map.of("title", "x")).json().get("message").asString())
                .isEqualTo("Field ids of task update is required");
        assertThat(admin.patch("/api/v1/task/_bulk", Map.of("ids", List.of(), "title", "x")).status()).isEqualTo(400);
        assertThat(admin.patch("/api/v1/task/_bulk", Map.of("ids", List.of(a), "status", "Done")).status()).isEqualTo(400);
        assertThat(task(admin, a).get("status").asString()).isEqualTo("Waiting");
    }

    @Test
    void deletesATaskAndDeletingTheCaseDeletesItsTasks() {
        String caseId = createCase(admin, unique("delete"));
        String id = createTask(admin, caseId, Map.of("title", "t")).get("_id").asString();
        assertThat(admin.delete("/api/v1/task/" + id).status()).isEqualTo(204);
        var gone = admin.get("/api/v1/task/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("type").asString()).isEqualTo("NotFoundError");
        assertThat(admin.delete("/api/v1/task/" + id).status()).isEqualTo(404);

        String kept = createTask(admin, caseId, Map.of("title", "with the case")).get("_id").asString();
        assertThat(admin.delete("/api/v1/case/" + caseId).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/task/" + kept).status()).isEqualTo(404);
    }

    @Test
    void marksActionRequiredAndDoneForTheCaseOrganisation() {
        String org = admin.get("/api/v1/user/current").json().get("organisation").asString();
        String id = createTask(admin, createCase(admin, unique("action")), Map.of("title", "t")).get("_id").asString();
        assertThat(admin.get("/api/v1/task/" + id + "/actionRequired").json()).isEqualTo(TestApi.JSON.readTree("{\"" + org + "\":false}"));

        assertThat(admin.put("/api/v1/task/" + id + "/actionRequired/" + org, "").status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/task/" + id + "/actionRequired").json().get(org).asBoolean()).isTrue();
        assertThat(admin.put("/api/v1/task/" + id + "/actionDone/" + org, "").status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/task/" + id + "/actionRequired").json().get(org).asBoolean()).isFalse();

        var elsewhere = admin.put("/api/v1/task/" + id + "/actionRequired/some-other-org", "");
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.json().get("message").asString()).startsWith("Organisation some-other-org not found");
    }

    @Test
    void sharesATaskOnlyWithinItsOwnOrganisation() {
        String org = admin.get("/api/v1/user/current").json().get("organisation").asString();
        String id = createTask(admin, createCase(admin, unique("share")), Map.of("title", "t")).get("_id").asString();
        String shares = "/api/v1/task/" + id + "/shares";
        assertThat(admin.post(shares, Map.of("organisations", List.of(org))).status()).isEqualTo(204);
        var list = admin.get(shares);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().size()).isZero();

        var other = admin.post(shares, Map.of("organisations", List.of("share-org")));
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.json().get("message").asString()).startsWith("Organisation share-org cannot see case");
        var unshareOwn = admin.send(admin.builder(shares).header("Content-Type", "application/json")
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.ofString("{\"organisations\": [\"" + org + "\"]}")));
        assertThat(unshareOwn.status()).isEqualTo(400);
        var unshareOther = admin.send(admin.builder(shares).header("Content-Type", "application/json")
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.ofString("{\"organisations\": [\"share-org\"]}")));
        assertThat(unshareOther.status()).isEqualTo(404);
        assertThat(admin.post(shares, Map.of("organisations", "all")).status()).isEqualTo(400);
        assertThat(admin.post(shares, Map.of()).json().get("message").asString()).isEqualTo("Field organisations of share is required");
        assertThat(admin.get("/api/v1/task/~999999999/shares").status()).isEqualTo(404);
    }

    private TestApi.Response query(TestApi api, Object... steps) {
        return api.post("/api/v1/query", Map.of("query", List.of(steps)));
    }

    @Test
    void findsCountsAndNavigatesTasksThroughTheQueryApi() {
        String caseId = createCase(admin, unique("query"));
        String title = unique("findable");
        JsonNode first = createTask(admin, caseId, Map.of("title", title, "group", "g1"));
        JsonNode second = createTask(admin, caseId, Map.of("title", title + "-2", "flag", true));
        createTask(admin, createCase(admin, unique("other")), Map.of("title", title + "-elsewhere"));
        var byTitle = Map.of("_name", "filter", "_or", List.of(Map.of("_eq", Map.of("_field", "title", "_value", title)),
                Map.of("_eq", Map.of("_field", "title", "_value", title + "-2"))));

        var found = query(admin, Map.of("_name", "listTask"), byTitle, Map.of("_name", "sort", "_fields", List.of(Map.of("_createdAt", "asc"))));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json()).isEqualTo(TestApi.JSON.createArrayNode().add(first).add(second));
        assertThat(query(admin, Map.of("_name", "listTask"), byTitle, Map.of("_name", "count")).body()).isEqualTo("2");
        assertThat(query(admin, Map.of("_name", "listTask"), Map.of("_name", "filter", "_eq", Map.of("_field", "flag", "_value", true)),
                Map.of("_name", "filter", "_like", Map.of("_field", "title", "_value", title + "*")), Map.of("_name", "count")).body())
                .isEqualTo("1");

        var got = query(admin, Map.of("_name", "getTask", "idOrName", first.get("_id").asString()));
        assertThat(got.json().get(0)).isEqualTo(first);
        var ofCase = query(admin, Map.of("_name", "getCase", "idOrName", caseId), Map.of("_name", "tasks"),
                Map.of("_name", "sort", "_fields", List.of(Map.of("title", "desc"))));
        assertThat(ofCase.json().valueStream().map(t -> t.get("title").asString()).toList()).containsExactly(title + "-2", title);
        var theCase = query(admin, Map.of("_name", "getTask", "idOrName", first.get("_id").asString()), Map.of("_name", "case"));
        assertThat(theCase.json().get(0).get("_id").asString()).isEqualTo(caseId);

        TestApi stranger = newUser(unique("elsewhere"), "analyst");
        assertThat(query(stranger, Map.of("_name", "listTask"), byTitle, Map.of("_name", "count")).body()).isEqualTo("0");
        assertThat(query(stranger, Map.of("_name", "getTask", "idOrName", first.get("_id").asString())).status()).isEqualTo(404);
        assertThat(query(admin, Map.of("_name", "listTask"), Map.of("_name", "filter", "_eq", Map.of("_field", "colour", "_value", "red")))
                .status()).isEqualTo(400);
    }

    @Test
    void refusesBadInputPreciselyAndWritesNothing() {
        String caseId = createCase(admin, unique("bad"));
        String path = "/api/v1/case/" + caseId + "/task";
        assertThat(admin.post(path, Map.of("group", "g")).json().get("message").asString())
                .isEqualTo("Field title of task is required");
        var tooLong = admin.post(path, Map.of("title", "t".repeat(129)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("message").asString()).isEqualTo("Field title of task is too long (129 characters, at most 128)");
        var status = admin.post(path, Map.of("title", "t", "status", "Done"));
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.json().get("type").asString()).isEqualTo("AttributeCheckingError");
        assertThat(status.json().get("message").asString()).isEqualTo("Unknown task status 'Done'; use one of Waiting, InProgress, Completed, Cancel");
        assertThat(admin.post(path, Map.of("title", "t", "colour", "red")).json().get("message").asString()).startsWith("Unknown field colour in task");
        assertThat(admin.post(path, Map.of("title", "t", "flag", "yes")).json().get("message").asString())
                .isEqualTo("Field flag of task must be true or false (got string \"yes\")");
        assertThat(admin.post(path, Map.of("title", "t", "order", 1.5)).status()).isEqualTo(400);
        assertThat(admin.post(path, Map.of("title", "t", "assignee", "nobody-such")).json().get("message").asString())
                .startsWith("Assignee nobody-such is not a user of organisation");
        assertThat(admin.post(path, Map.of("title", "t", "group", "g".repeat(65))).status()).isEqualTo(400);
        assertThat(admin.post(path, "[1]").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/case/~999999999/task", Map.of("colour", "red")).status())
                .as("an unknown case before an invalid body").isEqualTo(404);
        assertThat(admin.get(path).json().size()).as("nothing written").isZero();

        String id = createTask(admin, caseId, Map.of("title", "t")).get("_id").asString();
        Map<String, Object> nullTitle = new HashMap<>();
        nullTitle.put("title", null);
        assertThat(admin.patch("/api/v1/task/" + id, nullTitle).json().get("message").asString()).isEqualTo("Field title of task cannot be null");
        assertThat(admin.patch("/api/v1/task/" + id, Map.of("status", "Closed")).status()).isEqualTo(400);
        assertThat(admin.patch("/api/v1/task/" + id, Map.of("ids", List.of(id))).status()).isEqualTo(400);
        assertThat(task(admin, id).has("_updatedAt")).as("nothing written").isFalse();
        assertThat(admin.get("/api/v1/task/not-a-task").status()).isEqualTo(404);
    }

    @Test
    void auditsEveryChangeAsTask() {
        String id = createTask(admin, createCase(admin, unique("audit")), Map.of("title", "t")).get("_id").asString();
        admin.patch("/api/v1/task/" + id, Map.of("title", "t2"));
        admin.delete("/api/v1/task/" + id);
        var entries = admin.get("/api/v1/audit?entity=Task&entityId=" + id).json();
        assertThat(entries.valueStream().map(e -> e.get("action").asString()).toList()).containsExactly("delete", "update", "create");
        assertThat(entries.get(1).get("before").get("title").asString()).isEqualTo("t");
        assertThat(entries.get(1).get("after").get("title").asString()).isEqualTo("t2");
        assertThat(entries.get(2).get("objectType").asString()).isEqualTo("Task");
    }

    @Test
    void anotherOrganisationCanNeitherSeeNorChangeTasks() {
        String caseId = createCase(admin, unique("private"));
        String id = createTask(admin, caseId, Map.of("title", "secret")).get("_id").asString();
        TestApi stranger = newUser(unique("elsewhere"), "analyst");
        assertThat(stranger.get("/api/v1/task/" + id).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/case/" + caseId + "/task").status()).isEqualTo(404);
        assertThat(stranger.post("/api/v1/case/" + caseId + "/task", Map.of("title", "intruder")).status()).isEqualTo(404);
        assertThat(stranger.patch("/api/v1/task/" + id, Map.of("title", "changed")).status()).isEqualTo(404);
        assertThat(stranger.patch("/api/v1/task/_bulk", Map.of("ids", List.of(id), "title", "changed")).status()).isEqualTo(404);
        assertThat(stranger.delete("/api/v1/task/" + id).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/task/" + id + "/actionRequired").status()).isEqualTo(404);
        JsonNode t = task(admin, id);
        assertThat(t.get("title").asString()).isEqualTo("secret");
        assertThat(admin.get("/api/v1/case/" + caseId + "/task").json().size()).isEqualTo(1);

        String org = admin.get("/api/v1/user/current").json().get("organisation").asString();
        TestApi reader = newUser(org, "read-only");
        assertThat(reader.get("/api/v1/task/" + id).status()).isEqualTo(200);
        assertThat(reader.patch("/api/v1/task/" + id, Map.of("title", "changed")).status()).isEqualTo(403);
        assertThat(reader.delete("/api/v1/task/" + id).status()).isEqualTo(403);
        var forbidden = reader.post("/api/v1/case/" + caseId + "/task", Map.of("title", "t"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("message").asString()).contains("lacks manage_task");
    }
}
