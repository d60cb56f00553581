package io.sightline.server.comments;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Comments on cases and alerts over HTTP: shapes, who may change them, isolation, bad input; on H2 and PostgreSQL. */
abstract class CommentsContract extends HubTest {
    @Autowired
    CommentRepository comments;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    @Test
    void commentsACaseByIdAndByNumberInTheHiveShape() {
        String caseId = createCase(admin, unique("commented"));
        var r = admin.post("/api/v1/case/" + caseId + "/comment", Map.of("message", "**first** look"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        var c = r.json();
        assertThat(c.get("_id").asString()).startsWith("~");
        assertThat(c.get("_type").asString()).isEqualTo("Comment");
        assertThat(c.get("createdBy").asString()).isEqualTo("admin");
        assertThat(c.get("createdAt").asLong()).isGreaterThan(1_600_000_000_000L);
        assertThat(c.get("message").asString()).isEqualTo("**first** look");
        assertThat(c.get("isEdited").asBoolean()).isFalse();
        assertThat(c.get("external").asBoolean()).isFalse();
        assertThat(c.get("extraData").isObject()).isTrue();
        assertThat(c.has("updatedAt")).isFalse();
        assertThat(c.has("updatedBy")).isFalse();

        long number = admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
        var second = admin.post("/api/v1/case/" + number + "/comment", Map.of("message", "second", "external", true));
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.json().get("external").asBoolean()).isTrue();

        assertThat(comments.ofCase(id(caseId))).extracting(CommentRecord::message).containsExactly("**first** look", "second");
        assertThat(audit.search(null, 0L, "comment", c.get("_id").asString(), null, null, 10))
                .extracting(AuditLog.Entry::action).containsExactly("create");
    }

    @Test
    void commentsAnAlert() {
        String alertId = createAlert(admin);
        var r = admin.post("/api/v1/alert/" + alertId + "/comment", Map.of("message", "triage note"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("_type").asString()).isEqualTo("Comment");
        assertThat(comments.ofAlert(id(alertId))).extracting(CommentRecord::message).containsExactly("triage note");
        assertThat(admin.post("/api/v1/alert/~999999999/comment", Map.of("message", "x")).status()).isEqualTo(404);
        assertThat(admin.post("/api/v1/case/~999999999/comment", Map.of("message", "x")).status()).isEqualTo(404);
    }

    @Test
    void theAuthorEditsAndDeletesAComment() {
        String caseId = createCase(admin, unique("edited"));
        String id = admin.post("/api/v1/case/" + caseId + "/comment", Map.of("message", "draft")).json().get("_id").asString();

        var patched = admin.patch("/api/v1/comment/" + id, Map.of("message", "final"));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(204);
        CommentRecord stored = comments.byIds(List.of(id(id))).stream().findFirst().orElseThrow();
        assertThat(stored.message()).isEqualTo("final");
        assertThat(stored.edited()).isTrue();
        assertThat(stored.updatedBy()).isEqualTo("admin");
        var shown = CommentView.of(stored);
        assertThat(shown.get("isEdited")).isEqualTo(true);
        assertThat(shown.get("updatedBy")).isEqualTo("admin");
        assertThat((Long) shown.get("updatedAt")).isGreaterThanOrEqualTo(stored.createdAt());

        assertThat(admin.delete("/api/v1/comment/" + id).status()).isEqualTo(204);
        assertThat(comments.byIds(List.of(id(id))).stream().findFirst()).isEmpty();
        var again = admin.delete("/api/v1/comment/" + id);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("type").asString()).isEqualTo("NotFoundError");
        assertThat(admin.patch("/api/v1/comment/" + id, Map.of("message", "x")).status()).isEqualTo(404);
        assertThat(audit.search(null, 0L, "comment", id, null, null, 10)).extracting(AuditLog.Entry::action)
                .containsExactly("delete", "update", "create");
    }

    @Test
    void onlyTheAuthorOrAnOrganisationAdministratorChangesAComment() {
        String org = unique("comment-rule");
        TestApi author = newUser(org, "analyst");
        TestApi colleague = newUser(org, "analyst");
        TestApi orgAdmin = newUser(org, "org-admin");
        TestApi reader = newUser(org, "read-only");
        String caseId = createCase(author, "shared case");
        String id = author.post("/api/v1/case/" + caseId + "/comment", Map.of("message", "mine")).json().get("_id").asString();

        var refused = colleague.patch("/api/v1/comment/" + id, Map.of("message", "theirs"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("AuthorizationError");
        assertThat(colleague.delete("/api/v1/comment/" + id).status()).isEqualTo(403);
        assertThat(comments.byIds(List.of(id(id))).stream().findFirst().orElseThrow().message()).isEqualTo("mine");

        assertThat(reader.post("/api/v1/case/" + caseId + "/comment", Map.of("message", "ro")).status()).isEqualTo(403);
        assertThat(colleague.post("/api/v1/case/" + caseId + "/comment", Map.of("message", "reply")).status()).isEqualTo(201);

        assertThat(author.patch("/api/v1/comment/" + id, Map.of("message", "mine, edited")).status()).isEqualTo(204);
        assertThat(orgAdmin.patch("/api/v1/comment/" + id, Map.of("message", "moderated")).status()).isEqualTo(204);
        assertThat(comments.byIds(List.of(id(id))).stream().findFirst().orElseThrow().message()).isEqualTo("moderated");
        assertThat(orgAdmin.delete("/api/v1/comment/" + id).status()).isEqualTo(204);
        assertThat(comments.ofCase(id(caseId))).extracting(CommentRecord::message).containsExactly("reply");
    }

    @Test
    void anotherOrganisationsCaseAlertAndCommentAreNotFoundAndKeepNothing() {
        TestApi red = newUser("red-comments", "org-admin");
        TestApi blue = newUser("blue-comments", "org-admin");
        String caseId = createCase(red, "red case");
        String alertId = createAlert(red);
        String id = red.post("/api/v1/case/" + caseId + "/comment", Map.of("message", "red only")).json().get("_id").asString();
        long before = count();

        for (var r : List.of(blue.post("/api/v1/case/" + caseId + "/comment", Map.of("message", "x")),
                blue.post("/api/v1/alert/" + alertId + "/comment", Map.of("message", "x")),
                blue.patch("/api/v1/comment/" + id, Map.of("message", "x")),
                blue.delete("/api/v1/comment/" + id))) {
            assertThat(r.status()).as(r.toString()).isEqualTo(404);
            assertThat(r.json().get("type").asString()).isEqualTo("NotFoundError");
        }
        assertThat(count()).isEqualTo(before);
        assertThat(comments.byIds(List.of(id(id))).stream().findFirst().orElseThrow().message()).isEqualTo("red only");
        assertThat(audit.search(null, 0L, "comment", id, null, null, 10)).hasSize(1);
    }

    @Test
    void refusesBadInputWithPreciseMessagesAndWritesNothing() {
        String caseId = createCase(admin, unique("bad-comment"));
        String id = admin.post("/api/v1/case/" + caseId + "/comment", Map.of("message", "ok")).json().get("_id").asString();
        long before = count();

        assertBadRequest(admin.post("/api/v1/case/" + caseId + "/comment", Map.of()), "Field message of comment is required");
        assertBadRequest(admin.post("/api/v1/case/" + caseId + "/comment", Map.of("message", "  ")), "must not be empty");
        assertBadRequest(admin.post("/api/v1/case/" + caseId + "/comment", Map.of("message", 3)), "must be a string");
        assertBadRequest(admin.post("/api/v1/case/" + caseId + "/comment", Map.of("message", "x", "author", "eve")),
                "Unknown field author");
        assertBadRequest(admin.post("/api/v1/case/" + caseId + "/comment", Map.of("message", "x", "external", "yes")),
                "must be true or false");
        assertBadRequest(admin.post("/api/v1/case/" + caseId + "/comment", Map.of("message", "x".repeat(1_000_001))),
                "too long");
        assertBadRequest(admin.post("/api/v1/case/" + caseId + "/comment", "[]"), "must be a JSON object");
        assertBadRequest(admin.patch("/api/v1/comment/" + id, Map.of("external", true)), "Unknown field external");
        assertBadRequest(admin.patch("/api/v1/comment/" + id, Map.of()), "Field message of comment is required");

        assertThat(count()).isEqualTo(before);
        assertThat(comments.byIds(List.of(id(id))).stream().findFirst().orElseThrow().message()).isEqualTo("ok");
    }

    @Test
    void deletingACaseOrAnAlertDeletesItsComments() {
        String caseId = createCase(admin, unique("cascade"));
        String alertId = createAlert(admin);
        admin.post("/api/v1/case/" + caseId + "/comment", Map.of("message", "gone with the case"));
        admin.post("/api/v1/alert/" + alertId + "/comment", Map.of("message", "gone with the alert"));
        assertThat(admin.delete("/api/v1/case/" + caseId).status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/alert/" + alertId).status()).isEqualTo(204);
        assertThat(comments.ofCase(id(caseId))).isEmpty();
        assertThat(comments.ofAlert(id(alertId))).isEmpty();
    }

    @Test
    void listsAndGetsCommentsThroughTheQueryApi() {
        String caseId = createCase(admin, unique("query-comments"));
        String alertId = createAlert(admin);
        var first = admin.post("/api/v1/case/" + caseId + "/comment", Map.of("message", "one")).json();
        var second = admin.post("/api/v1/case/" + caseId + "/comment", Map.of("message", "two")).json();
        var onAlert = admin.post("/api/v1/alert/" + alertId + "/comment", Map.of("message", "alert note")).json();

        var ofCase = query(admin, List.of(Map.of("_name", "getCase", "idOrName", caseId), Map.of("_name", "comments")));
        assertThat(ofCase.status()).as(ofCase.toString()).isEqualTo(200);
        assertThat(ofCase.json().size()).isEqualTo(2);
        assertThat(List.of(ofCase.json().get(0), ofCase.json().get(1))).containsExactlyInAnyOrder(first, second);
        var ofAlert = query(admin, List.of(Map.of("_name", "getAlert", "idOrName", alertId), Map.of("_name", "comments")));
        assertThat(ofAlert.json().size()).isEqualTo(1);
        assertThat(ofAlert.json().get(0)).isEqualTo(onAlert);

        var got = query(admin, List.of(Map.of("_name", "getComment", "idOrName", first.get("_id").asString())));
        assertThat(got.json().get(0)).isEqualTo(first);
        var filtered = query(admin, List.of(Map.of("_name", "listComment"),
                Map.of("_name", "filter", "_eq", Map.of("_field", "message", "_value", "alert note"))));
        assertThat(filtered.json().toString()).contains(onAlert.get("_id").asString()).doesNotContain(first.get("_id").asString());
        var count = query(admin, List.of(Map.of("_name", "getCase", "idOrName", caseId), Map.of("_name", "comments"),
                Map.of("_name", "count")));
        assertThat(count.json().asLong()).isEqualTo(2);

        TestApi other = newUser(unique("query-comments-other"), "org-admin");
        assertThat(query(other, List.of(Map.of("_name", "getComment", "idOrName", first.get("_id").asString()))).status())
                .isEqualTo(404);
        assertThat(query(other, List.of(Map.of("_name", "listComment"))).json().toString())
                .doesNotContain("\"" + first.get("_id").asString() + "\"");
    }

    private static TestApi.Response query(TestApi api, List<Map<String, Object>> steps) {
        return api.post("/api/v1/query", Map.of("query", steps));
    }

    private static void assertBadRequest(TestApi.Response r, String message) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("type").asString()).isIn("AttributeCheckingError", "BadRequest");
        assertThat(r.json().get("message").asString()).contains(message);
    }

    private String createAlert(TestApi api) {
        var r = api.post("/api/v1/alert", Map.of("type", "t", "source", "s", "sourceRef", unique("ref"), "title", "alert",
                "description", "d"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("_id").asString();
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM comment_record").query(Long.class).single();
    }

    private static long id(String external) {
        return Long.parseLong(external.substring(1));
    }
}
