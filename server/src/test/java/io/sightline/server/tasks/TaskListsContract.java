package io.sightline.server.tasks;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TheHive 5's organisation-wide task lists of {@code /api/v1/query}, {@code myTasks} and
 * {@code waitingTasks}, and the {@code assignableUsers} of a case or a task.
 */
abstract class TaskListsContract extends HubTest {
    private TestApi alice;
    private TestApi bob;
    private String aliceLogin;
    private String bobLogin;
    private String caseId;

    @BeforeEach
    void tasksOfTwoAnalysts() {
        String org = unique("task-lists");
        alice = newUser(org, "analyst");
        bob = newUser(org, "analyst");
        aliceLogin = alice.get("/api/v1/user/current").json().get("login").asString();
        bobLogin = bob.get("/api/v1/user/current").json().get("login").asString();
        caseId = createCase(alice, "investigation");
        task("mine", Map.of("assignee", aliceLogin, "status", "Waiting"));
        task("mine done", Map.of("assignee", aliceLogin, "status", "Completed"));
        task("theirs", Map.of("assignee", bobLogin, "status", "InProgress"));
        task("open", Map.of("status", "Waiting"));
        // elsewhere: a waiting task of another organisation, assigned to its own analyst
        TestApi stranger = newUser(unique("task-lists-other"), "analyst");
        String strangerCase = createCase(stranger, "other");
        assertThat(stranger.post("/api/v1/case/" + strangerCase + "/task", Map.of("title", "foreign")).status()).isEqualTo(201);
    }

    private void task(String title, Map<String, Object> fields) {
        var body = new java.util.HashMap<String, Object>(fields);
        body.put("title", title);
        var r = alice.post("/api/v1/case/" + caseId + "/task", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    @SafeVarargs
    private static List<String> titles(TestApi api, Map<String, Object>... steps) {
        var r = api.post("/api/v1/query", Map.of("query", List.of(steps)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        for (JsonNode t : r.json()) out.add(t.has("title") ? t.get("title").asString() : t.toString());
        return out;
    }

    private static final Map<String, Object> BY_TITLE = Map.of("_name", "sort", "_fields", List.of(Map.of("title", "asc")));

    @Test
    void myTasksAreTheTasksAssignedToTheCaller() {
        assertThat(titles(alice, Map.of("_name", "myTasks"), BY_TITLE)).containsExactly("mine", "mine done");
        assertThat(titles(bob, Map.of("_name", "myTasks"), BY_TITLE)).containsExactly("theirs");
        assertThat(titles(admin, Map.of("_name", "myTasks"))).as("the admin's organisation has none of these").doesNotContain("mine", "theirs");
    }

    @Test
    void waitingTasksAreTheOrganisationsTasksWaitingWhoeverTheyAreAssignedTo() {
        assertThat(titles(bob, Map.of("_name", "waitingTasks"), BY_TITLE)).containsExactly("mine", "open");
        assertThat(titles(alice, Map.of("_name", "waitingTasks"), BY_TITLE)).containsExactly("mine", "open").doesNotContain("foreign");
    }

    @Test
    void theListsTakeFiltersPagesCountsAndNavigationsAsAnyList() {
        assertThat(titles(alice, Map.of("_name", "myTasks"), Map.of("_name", "filter", "_eq", Map.of("_field", "status", "_value", "Completed"))))
                .containsExactly("mine done");
        var count = alice.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "waitingTasks"), Map.of("_name", "count"))));
        assertThat(count.body().trim()).isEqualTo("2");
        var page = alice.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "myTasks"), BY_TITLE,
                Map.of("_name", "page", "from", 1, "to", 2, "extraData", List.of("total")))));
        assertThat(page.json().findValuesAsString("title")).containsExactly("mine done");
        assertThat(page.header("X-Total")).isEqualTo("2");
        assertThat(titles(alice, Map.of("_name", "myTasks"), Map.of("_name", "case"))).containsExactly("investigation");
    }

    @Test
    void theAssignableUsersOfACaseOrATaskAreTheMembersOfItsOrganisation() {
        for (String start : List.of("getCase", "getTask")) {
            String id = start.equals("getCase") ? caseId
                    : alice.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "myTasks")))).json().get(0).get("_id").asString();
            var r = alice.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", start, "idOrName", id),
                    Map.of("_name", "assignableUsers"), Map.of("_name", "sort", "_fields", List.of(Map.of("login", "asc"))))));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().findValuesAsString("login")).as(start)
                    .containsExactlyElementsOf(aliceLogin.compareTo(bobLogin) < 0 ? List.of(aliceLogin, bobLogin) : List.of(bobLogin, aliceLogin));
        }
    }
}
