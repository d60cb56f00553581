package io.sightline.server.tasks;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Tasks and their logs on the case timeline (TheHive 5's GET /api/v1/case/{id}/timeline); run on H2 and on PostgreSQL. */
abstract class TaskTimelineContract extends HubTest {

    private JsonNode timeline(TestApi api, String caseId) {
        var r = api.get("/api/v1/case/" + caseId + "/timeline");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("events");
    }

    private static List<String> kinds(JsonNode events) {
        List<String> kinds = new ArrayList<>();
        for (JsonNode e : events) kinds.add(e.get("kind").asString());
        return kinds;
    }

    private static JsonNode only(JsonNode events, String kind) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode e : events) if (e.get("kind").asString().equals(kind)) found.add(e);
        assertThat(found).as(kind + " in " + events).hasSize(1);
        return found.get(0);
    }

    private String task(TestApi api, String caseId, String title) {
        var r = api.post("/api/v1/case/" + caseId + "/task", Map.of("title", title));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("_id").asString();
    }

    private void status(String taskId, String status) {
        var r = admin.patch("/api/v1/task/" + taskId, Map.of("status", status));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
    }

    @Test
    void aTaskLifeAndItsLogsAreOnTheCaseTimeline() {
        String caseId = createCase(admin, unique("task story"));
        String done = task(admin, caseId, "collect evidence");
        String dropped = task(admin, caseId, "call the vendor");
        status(done, "InProgress");
        String logId = admin.post("/api/v1/task/" + done + "/log", Map.of("message", "found **the** dropper")).json()
                .get("_id").asString();
        admin.patch("/api/v1/task/" + done, Map.of("title", "collect all evidence"));
        status(done, "Completed");
        status(dropped, "Cancel");

        var events = timeline(admin, caseId);
        assertThat(kinds(events)).containsExactlyInAnyOrder("CaseCreated", "TaskCreated", "TaskCreated", "TaskStarted",
                "LogCreated", "TaskCompleted", "TaskCancelled");
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).get("date").asLong()).isLessThanOrEqualTo(events.get(i - 1).get("date").asLong());
        }
        var started = only(events, "TaskStarted");
        assertThat(started.get("entity").asString()).isEqualTo("Task");
        assertThat(started.get("entityId").asString()).isEqualTo(done);
        assertThat(started.get("details").get("status").asString()).isEqualTo("InProgress");
        assertThat(started.get("details").get("title").asString()).isEqualTo("collect evidence");
        var completed = only(events, "TaskCompleted");
        assertThat(completed.get("entityId").asString()).isEqualTo(done);
        assertThat(completed.get("details").get("title").asString()).isEqualTo("collect all evidence");
        assertThat(completed.get("details").get("endDate").asLong()).isEqualTo(completed.get("date").asLong());
        assertThat(only(events, "TaskCancelled").get("entityId").asString()).isEqualTo(dropped);
        var log = only(events, "LogCreated");
        assertThat(log.get("entity").asString()).isEqualTo("Log");
        assertThat(log.get("entityId").asString()).isEqualTo(logId);
        assertThat(log.get("details").get("message").asString()).isEqualTo("found **the** dropper");
        assertThat(started.get("date").asLong()).isLessThanOrEqualTo(log.get("date").asLong());
    }

    @Test
    void aDeletedTaskLeavesTheTimelineAndLimitsHold() {
        String caseId = createCase(admin, unique("deleted task"));
        String gone = task(admin, caseId, "mistake");
        admin.post("/api/v1/task/" + gone + "/log", Map.of("message", "oops"));
        String kept = task(admin, caseId, "kept");
        status(kept, "InProgress");
        assertThat(admin.delete("/api/v1/task/" + gone).status()).isEqualTo(204);

        var events = timeline(admin, caseId);
        assertThat(kinds(events)).containsExactlyInAnyOrder("CaseCreated", "TaskCreated", "TaskStarted");
        for (JsonNode e : events) assertThat(e.get("entityId").asString()).isNotEqualTo(gone);
        var two = admin.get("/api/v1/case/" + caseId + "/timeline?limit=2").json().get("events");
        assertThat(kinds(two)).containsExactly("TaskStarted", "TaskCreated");
    }

    @Test
    void anotherOrganisationsTasksNeverShowAndItsTimelineIsHidden() {
        TestApi red = newUser("red-task-timeline", "analyst");
        TestApi blue = newUser("blue-task-timeline", "analyst");
        String redCase = createCase(red, unique("red"));
        String redTask = task(red, redCase, "red work");
        red.post("/api/v1/task/" + redTask + "/log", Map.of("message", "red log"));
        String blueCase = createCase(blue, unique("blue"));
        assertThat(blue.get("/api/v1/case/" + redCase + "/timeline").status()).isEqualTo(404);
        assertThat(kinds(timeline(blue, blueCase))).containsExactly("CaseCreated");
        assertThat(kinds(timeline(red, redCase))).containsExactlyInAnyOrder("CaseCreated", "TaskCreated", "LogCreated");
    }
}
