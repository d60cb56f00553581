package io.sightline.server.web;

import io.sightline.server.support.TestApi;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Records the workspace tests make through the API: users with a password in their own organisation, cases, tasks, alerts. */
final class WorkspaceFixtures {
    static final String PASSWORD = "workspace-password";

    private WorkspaceFixtures() {}

    /** A user of the profile in the organisation (created when missing), who logs in with {@link #PASSWORD}. */
    static String user(TestApi admin, String org, String profile) {
        if (admin.get("/api/v1/organisation/" + org).status() == 404) {
            assertThat(admin.post("/api/v1/organisation", Map.of("name", org, "description", "test")).status()).isEqualTo(201);
        }
        String login = "user-" + UUID.randomUUID().toString().substring(0, 8) + "@" + org;
        var created = admin.post("/api/v1/user", Map.of("login", login, "name", login, "profile", profile,
                "organisation", org, "password", PASSWORD));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return login;
    }

    /** A case's id; {@code assignee} may be null (unassigned). */
    static String caseOf(TestApi api, String title, String assignee, int severity) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "description", "d", "severity", severity));
        if (assignee != null) body.put("assignee", assignee);
        var r = api.post("/api/v1/case", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("_id").asString();
    }

    static void task(TestApi api, String caseId, String title, String assignee, String status) {
        var r = api.post("/api/v1/case/" + caseId + "/task", Map.of("title", title, "assignee", assignee, "status", status));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    /** An alert's id. */
    static String alert(TestApi api, String source, int severity, String title) {
        var r = api.post("/api/v1/alert", Map.of("type", "external", "source", source,
                "sourceRef", "ref-" + UUID.randomUUID(), "title", title, "description", "d", "severity", severity));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("_id").asString();
    }

    static long number(TestApi api, String caseId) {
        return api.get("/api/v1/case/" + caseId).json().get("number").asLong();
    }

    static String title(TestApi api, String caseId) {
        return api.get("/api/v1/case/" + caseId).json().get("title").asString();
    }
}
