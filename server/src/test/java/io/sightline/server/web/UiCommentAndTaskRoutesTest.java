package io.sightline.server.web;

import io.sightline.server.support.H2Database;
import io.sightline.server.support.HubTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routes of the comment thread (case and alert) and of the Tasks tab's edit form and log files,
 * over HTTP as a logged-in browser sends them: what each answers, and that a refusal writes nothing.
 */
@ContextConfiguration(initializers = H2Database.class)
class UiCommentAndTaskRoutesTest extends HubTest {

    @Test
    void anAlertsThreadIsItsOwnAndACommentOfAnotherRecordIsNotFoundThroughIt() {
        String alertId = admin.post("/api/v1/alert", Map.of("type", "ext", "source", "feed", "sourceRef", unique("ref"),
                "title", "Beacon", "description", "d")).json().get("_id").asString();
        String alert = alertId.substring(1);
        admin.post("/api/v1/alert/" + alertId + "/comment", Map.of("message", "on the alert"));
        String caseId = createCase(admin, unique("thread"));
        String caseComment = admin.post("/api/v1/case/" + caseId + "/comment", Map.of("message", "on the case"))
                .json().get("_id").asString();
        var browser = logIn();

        String thread = browser.htmxGet("/alerts/" + alert + "/comments").body();
        assertThat(thread).contains("id=\"comment-thread\"").contains("on the alert").doesNotContain("on the case")
                .contains("action=\"/alerts/" + alert + "/comments\"");

        String token = BrowserSession.token(browser.get("/alerts/" + alert).body());
        var refused = browser.htmxPost("/alerts/" + alert + "/comments/" + caseComment + "/delete", List.of(), token);
        assertThat(refused.body()).contains("Comment " + caseComment + " not found in alert ~" + alert);
        var stillThere = admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "getCase", "idOrName", caseId),
                Map.of("_name", "comments")))).json();
        assertThat(stillThere.size()).isEqualTo(1);

        var blank = browser.htmxPost("/alerts/" + alert + "/comments", List.of(entry("message", "  ")), token);
        assertThat(blank.body()).contains("data-field=\"message\"").contains("Message must not be empty");

        var added = browser.htmxPost("/alerts/" + alert + "/comments", List.of(entry("message", "second note")), token);
        assertThat(added.body()).contains("second note").contains("hx-swap-oob=\"true\"").contains("Comment added");
        var withoutScripts = browser.post("/alerts/" + alert + "/comments", Map.of("message", "third note"), token);
        assertThat(withoutScripts.status()).isEqualTo(302);
        assertThat(withoutScripts.location()).endsWith("/alerts/" + alert + "#alert-comments");
    }

    @Test
    void aRefusedTaskEditComesBackAsTypedWithEachMessageAtItsFieldAndWritesNothing() {
        String caseId = createCase(admin, unique("edit"));
        long number = admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
        String taskId = admin.post("/api/v1/case/" + caseId + "/task", Map.of("title", "Contain")).json().get("_id").asString();
        var browser = logIn();
        String token = BrowserSession.token(browser.get("/cases/" + number + "?tab=tasks").body());
        String edit = "/cases/" + number + "/tasks/" + taskId;

        var refused = browser.htmxPost(edit, List.of(entry("title", "Contain the host"), entry("group", "default"),
                entry("description", "typed text"), entry("dueDate", "next tuesday"), entry("order", "first"),
                entry("assignee", "nobody@nowhere")), token);
        assertThat(refused.body()).contains("data-field=\"dueDate\"").contains("data-field=\"order\"")
                .contains("value=\"Contain the host\"").contains(">typed text</textarea>");
        assertThat(admin.get("/api/v1/task/" + taskId).json().get("title").asString()).isEqualTo("Contain");

        var badAssignee = browser.htmxPost(edit, List.of(entry("title", "Contain"), entry("group", "default"),
                entry("assignee", "nobody@nowhere")), token);
        assertThat(badAssignee.body()).contains("data-field=\"assignee\"").contains("Assignee nobody@nowhere is not a user");

        var saved = browser.post(edit, Map.of("title", "Contain the host", "group", "response", "order", "2",
                "dueDate", "2026-12-24T09:30", "mandatory", "on"), token);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/cases/" + number + "?tab=tasks");
        var task = admin.get("/api/v1/task/" + taskId).json();
        assertThat(task.get("title").asString()).isEqualTo("Contain the host");
        assertThat(task.get("group").asString()).isEqualTo("response");
        assertThat(task.get("order").asInt()).isEqualTo(2);
        assertThat(task.get("mandatory").asBoolean()).isTrue();
        assertThat(task.get("flag").asBoolean()).isFalse();
        assertThat(task.get("dueDate").asLong()).isEqualTo(java.time.Instant.parse("2026-12-24T09:30:00Z").toEpochMilli());
    }

    @Test
    void aLogFileIsDownloadedThroughItsOwnTaskOnlyAndDeletedThere() {
        String caseId = createCase(admin, unique("files"));
        long number = admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
        String taskId = admin.post("/api/v1/case/" + caseId + "/task", Map.of("title", "Collect")).json().get("_id").asString();
        String otherTask = admin.post("/api/v1/case/" + caseId + "/task", Map.of("title", "Other")).json().get("_id").asString();
        var log = postLogWithFile(taskId, "evidence.txt", "the evidence".getBytes(StandardCharsets.UTF_8));
        String logId = log.get("_id").asString();
        String fileId = log.get("attachments").get(0).get("_id").asString();
        var browser = logIn();

        String tab = browser.htmxGet("/cases/" + number + "/tasks").body();
        String file = "/cases/" + number + "/tasks/" + taskId + "/logs/" + logId + "/files/" + fileId;
        assertThat(tab).contains("href=\"" + file + "\"").contains("evidence.txt").contains("12 bytes");
        var download = browser.get(file);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("the evidence");
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains("evidence.txt");
        assertThat(browser.get("/cases/" + number + "/tasks/" + otherTask + "/logs/" + logId + "/files/" + fileId).status())
                .isEqualTo(404);

        String token = BrowserSession.token(browser.get("/cases/" + number + "?tab=tasks").body());
        var deleted = browser.htmxPost(file + "/delete", List.of(entry("page", "1")), token);
        assertThat(deleted.body()).contains("File evidence.txt deleted").doesNotContain("href=\"" + file + "\"");
        assertThat(admin.get("/api/v1/log/" + logId).json().get("attachments").size()).isZero();
    }

    private tools.jackson.databind.JsonNode postLogWithFile(String taskId, String name, byte[] content) {
        String boundary = "----ui12" + java.util.UUID.randomUUID();
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_json\"\r\n\r\n{\"message\":\"with a file\"}\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"" + name
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var r = admin.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/task/"
                        + taskId + "/log")).header("Authorization", "Bearer " + ADMIN_KEY)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private BrowserSession logIn() {
        var browser = new BrowserSession(port);
        browser.login("admin", ADMIN_PASSWORD);
        return browser;
    }
}
