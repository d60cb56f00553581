package io.sightline.server.tasklogs;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Logs of tasks, with their files, over HTTP as thehive4py drives them; run on H2 and on PostgreSQL. */
abstract class TaskLogsContract extends HubTest {

    private String newTask(TestApi api) {
        String caseId = createCase(api, unique("logs"));
        var r = api.post("/api/v1/case/" + caseId + "/task", Map.of("title", "investigate"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("_id").asString();
    }

    private JsonNode log(TestApi api, String id) {
        var r = api.get("/api/v1/log/" + id);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /** Multipart as thehive4py sends it: an optional {@code _json} part and one {@code attachments} part per file. */
    private static TestApi.Response postFiles(TestApi api, String path, String json, Map<String, String> files) {
        String boundary = "----sightline" + UUID.randomUUID();
        var out = new ByteArrayOutputStream();
        if (json != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_json\"\r\n\r\n" + json + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        files.forEach((name, content) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\""
                + name + "\"\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.send(api.builder(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    @Test
    void createsALogAndReadsItBackAlone() {
        String taskId = newTask(admin);
        var r = admin.post("/api/v1/task/" + taskId + "/log", Map.of("message", "My test log",
                "includeInTimeline", 1_700_000_000_000L, "startDate", 1_700_000_001_000L));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode l = r.json();
        assertThat(l.get("_id").asString()).startsWith("~");
        assertThat(l.get("_type").asString()).isEqualTo("Log");
        assertThat(l.get("_createdBy").asString()).isEqualTo("admin");
        assertThat(l.get("message").asString()).isEqualTo("My test log");
        assertThat(l.get("date").asLong()).isEqualTo(1_700_000_001_000L);
        assertThat(l.get("owner").asString()).isEqualTo("admin");
        assertThat(l.get("includeInTimeline").asLong()).isEqualTo(1_700_000_000_000L);
        assertThat(l.get("attachments").size()).isZero();
        assertThat(l.get("extraData").isObject()).isTrue();
        assertThat(log(admin, l.get("_id").asString())).isEqualTo(l);

        JsonNode plain = admin.post("/api/v1/task/" + taskId + "/log", Map.of("message", "later")).json();
        assertThat(plain.get("date").asLong()).isGreaterThan(1_700_000_001_000L);
        assertThat(plain.has("includeInTimeline")).isFalse();
        var list = admin.get("/api/v1/task/" + taskId + "/log").json();
        assertThat(list.valueStream().map(x -> x.get("message").asString()).toList()).containsExactly("later", "My test log");
    }

    @Test
    void keepsFilesSentWithALogAndAddedLater() {
        String taskId = newTask(admin);
        var r = postFiles(admin, "/api/v1/task/" + taskId + "/log",
                "{\"message\": \"My test log\", \"attachments\": [\"/tmp/attachment-0.txt\", \"/tmp/attachment-1.txt\"]}",
                Map.of("attachment-0.txt", "content of 0", "attachment-1.txt", "content of 1"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode l = r.json();
        String id = l.get("_id").asString();
        assertThat(l.get("attachments").size()).isEqualTo(2);
        JsonNode file = l.get("attachments").valueStream().filter(f -> f.get("name").asString().equals("attachment-0.txt")).findFirst().orElseThrow();
        assertThat(file.get("_type").asString()).isEqualTo("Attachment");
        assertThat(file.get("_id").asString()).startsWith("~");
        assertThat(file.get("size").asLong()).isEqualTo(12);
        assertThat(file.get("contentType").asString()).isEqualTo("text/plain");
        assertThat(file.get("hashes").size()).isEqualTo(3);
        assertThat(file.get("id").asString()).isEqualTo(file.get("hashes").get(0).asString());
        assertThat(log(admin, id)).isEqualTo(l);

        var download = admin.get(file.get("path").asString());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("content of 0");
        assertThat(download.header("Content-Disposition")).contains("attachment-0.txt");

        for (JsonNode f : l.get("attachments")) {
            assertThat(admin.delete("/api/v1/log/" + id + "/attachments/" + f.get("_id").asString()).status()).isEqualTo(204);
        }
        assertThat(log(admin, id).get("attachments").size()).isZero();
        assertThat(admin.get(file.get("path").asString()).status()).isEqualTo(404);

        var added = postFiles(admin, "/api/v1/log/" + id + "/attachments", null, Map.of("my-attachment.txt", "some content..."));
        assertThat(added.status()).as(added.toString()).isEqualTo(204);
        JsonNode now = log(admin, id);
        assertThat(now.get("attachments").size()).isEqualTo(1);
        assertThat(now.get("attachments").get(0).get("name").asString()).isEqualTo("my-attachment.txt");
        assertThat(admin.get(now.get("attachments").get(0).get("path").asString()).body()).isEqualTo("some content...");
        assertThat(admin.delete("/api/v1/log/" + id + "/attachments/~999999999").status()).isEqualTo(404);
    }

    @Test
    void updatesAndDeletesALog() {
        String taskId = newTask(admin);
        String id = admin.post("/api/v1/task/" + taskId + "/log", Map.of("message", "test log")).json().get("_id").asString();
        var patched = admin.patch("/api/v1/log/" + id, Map.of("message", "updated task log message", "includeInTimeline", 5L));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(204);
        JsonNode l = log(admin, id);
        assertThat(l.get("message").asString()).isEqualTo("updated task log message");
        assertThat(l.get("includeInTimeline").asLong()).isEqualTo(5L);
        assertThat(l.get("_updatedBy").asString()).isEqualTo("admin");

        Map<String, Object> clear = new HashMap<>();
        clear.put("includeInTimeline", null);
        assertThat(admin.patch("/api/v1/log/" + id, clear).status()).isEqualTo(204);
        assertThat(log(admin, id).has("includeInTimeline")).isFalse();

        assertThat(admin.delete("/api/v1/log/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/log/" + id).status()).isEqualTo(404);
        var entries = admin.get("/api/v1/audit?entity=Log&entityId=" + id).json();
        assertThat(entries.valueStream().map(e -> e.get("action").asString()).toList()).containsExactly("delete", "update", "update", "create");
        assertThat(entries.get(3).get("after").get("message").asString()).isEqualTo("test log");
    }

    @Test
    void deletingTheTaskOrTheCaseDeletesItsLogs() {
        String taskId = newTask(admin);
        String id = admin.post("/api/v1/task/" + taskId + "/log", Map.of("message", "m")).json().get("_id").asString();
        assertThat(admin.delete("/api/v1/task/" + taskId).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/log/" + id).status()).isEqualTo(404);

        String caseId = createCase(admin, unique("whole"));
        String task = admin.post("/api/v1/case/" + caseId + "/task", Map.of("title", "t")).json().get("_id").asString();
        String withFile = postFiles(admin, "/api/v1/task/" + task + "/log", "{\"message\": \"m\"}", Map.of("f.txt", "x"))
                .json().get("_id").asString();
        assertThat(admin.delete("/api/v1/case/" + caseId).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/log/" + withFile).status()).isEqualTo(404);
    }

    private TestApi.Response query(TestApi api, Object... steps) {
        return api.post("/api/v1/query", Map.of("query", List.of(steps)));
    }

    @Test
    void findsAndNavigatesLogsThroughTheQueryApi() {
        String taskId = newTask(admin);
        JsonNode first = admin.post("/api/v1/task/" + taskId + "/log", Map.of("message", "first", "startDate", 1_000L)).json();
        JsonNode second = postFiles(admin, "/api/v1/task/" + taskId + "/log", "{\"message\": \"second\", \"startDate\": 2000}",
                Map.of("a.txt", "a")).json();
        newTask(admin); // another task, whose logs are not this one's

        var got = query(admin, Map.of("_name", "getLog", "idOrName", second.get("_id").asString()));
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        assertThat(got.json().get(0)).isEqualTo(second);
        var logs = query(admin, Map.of("_name", "getTask", "idOrName", taskId), Map.of("_name", "logs"),
                Map.of("_name", "sort", "_fields", List.of(Map.of("date", "asc"))));
        assertThat(logs.json()).isEqualTo(TestApi.JSON.createArrayNode().add(first).add(second));
        assertThat(query(admin, Map.of("_name", "getTask", "idOrName", taskId), Map.of("_name", "logs"),
                Map.of("_name", "filter", "_eq", Map.of("_field", "message", "_value", "first")), Map.of("_name", "count")).body())
                .isEqualTo("1");
        var task = query(admin, Map.of("_name", "getLog", "idOrName", first.get("_id").asString()), Map.of("_name", "task"));
        assertThat(task.json().get(0).get("_id").asString()).isEqualTo(taskId);
        assertThat(query(admin, Map.of("_name", "listLog"), Map.of("_name", "filter", "_eq", Map.of("_field", "owner", "_value", "admin")),
                Map.of("_name", "count")).body()).isNotEqualTo("0");

        TestApi stranger = newUser(unique("elsewhere"), "analyst");
        assertThat(query(stranger, Map.of("_name", "listLog"), Map.of("_name", "count")).body()).isEqualTo("0");
        assertThat(query(stranger, Map.of("_name", "getLog", "idOrName", first.get("_id").asString())).status()).isEqualTo(404);
    }

    @Test
    void refusesBadInputPreciselyAndWritesNothing() {
        String taskId = newTask(admin);
        String path = "/api/v1/task/" + taskId + "/log";
        assertThat(admin.post(path, Map.of("startDate", 1L)).json().get("message").asString()).isEqualTo("Field message of log is required");
        assertThat(admin.post(path, Map.of("message", "  ")).status()).isEqualTo(400);
        assertThat(admin.post(path, Map.of("message", "m", "colour", "red")).json().get("message").asString()).startsWith("Unknown field colour in log");
        assertThat(admin.post(path, Map.of("message", 3)).json().get("message").asString())
                .isEqualTo("Field message of log must be a string (got number 3)");
        assertThat(admin.post(path, Map.of("message", "m", "startDate", "today")).status()).isEqualTo(400);
        var paths = admin.post(path, Map.of("message", "m", "attachments", List.of("/tmp/a.txt")));
        assertThat(paths.status()).isEqualTo(400);
        assertThat(paths.json().get("message").asString()).contains("send multipart/form-data");
        assertThat(postFiles(admin, path, "{\"message\": ", Map.of()).status()).isEqualTo(400);
        assertThat(postFiles(admin, path, "{\"colour\": \"red\"}", Map.of("a.txt", "a")).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/task/~999999999/log", Map.of("colour", "red")).status())
                .as("an unknown task before an invalid body").isEqualTo(404);
        assertThat(admin.get(path).json().size()).as("nothing written").isZero();

        String id = admin.post(path, Map.of("message", "m")).json().get("_id").asString();
        assertThat(admin.patch("/api/v1/log/" + id, Map.of("owner", "x")).status()).isEqualTo(400);
        Map<String, Object> nullMessage = new HashMap<>();
        nullMessage.put("message", null);
        assertThat(admin.patch("/api/v1/log/" + id, nullMessage).status()).isEqualTo(400);
        assertThat(postFiles(admin, "/api/v1/log/" + id + "/attachments", null, Map.of()).status()).isEqualTo(400);
        assertThat(log(admin, id).has("_updatedAt")).as("nothing written").isFalse();
        assertThat(admin.get("/api/v1/log/junk").status()).isEqualTo(404);
    }

    @Test
    void anotherOrganisationCanNeitherSeeNorChangeLogs() {
        String taskId = newTask(admin);
        String id = postFiles(admin, "/api/v1/task/" + taskId + "/log", "{\"message\": \"secret\"}", Map.of("s.txt", "secret"))
                .json().get("_id").asString();
        String fileId = log(admin, id).get("attachments").get(0).get("_id").asString();
        TestApi stranger = newUser(unique("elsewhere"), "analyst");
        assertThat(stranger.get("/api/v1/log/" + id).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/task/" + taskId + "/log").status()).isEqualTo(404);
        assertThat(stranger.post("/api/v1/task/" + taskId + "/log", Map.of("message", "intruder")).status()).isEqualTo(404);
        assertThat(postFiles(stranger, "/api/v1/task/" + taskId + "/log", "{\"message\": \"intruder\"}", Map.of("x.txt", "x")).status()).isEqualTo(404);
        assertThat(stranger.patch("/api/v1/log/" + id, Map.of("message", "changed")).status()).isEqualTo(404);
        assertThat(postFiles(stranger, "/api/v1/log/" + id + "/attachments", null, Map.of("x.txt", "x")).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/log/" + id + "/attachment/" + fileId + "/download").status()).isEqualTo(404);
        assertThat(stranger.delete("/api/v1/log/" + id + "/attachments/" + fileId).status()).isEqualTo(404);
        assertThat(stranger.delete("/api/v1/log/" + id).status()).isEqualTo(404);

        JsonNode l = log(admin, id);
        assertThat(l.get("message").asString()).isEqualTo("secret");
        assertThat(l.get("attachments").size()).isEqualTo(1);
        assertThat(admin.get("/api/v1/task/" + taskId + "/log").json().size()).isEqualTo(1);
        assertThat(admin.get("/api/v1/audit?entity=Log&entityId=" + id).json().valueStream()
                .map(e -> e.get("actor").asString()).toList())
                .as("only the owner's changes reached this log's audit trail").isNotEmpty().containsOnly("admin");
    }
}
