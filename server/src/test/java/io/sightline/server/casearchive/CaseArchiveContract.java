package io.sightline.server.casearchive;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/case/{id}/export?password=} and {@code POST /api/v1/case/import}: a case with
 * everything it holds goes out sealed and comes back as a new case with the same content; a wrong
 * password, a damaged archive or a bad request writes nothing. On H2 and PostgreSQL.
 */
abstract class CaseArchiveContract extends HubTest {
    private static final String PASSWORD = "correct horse";

    /** A case with a custom field value, a task with a log and its file, a comment, two observables (one a file), a procedure and a page. */
    private String fullCase(String title) {
        String field = unique("cf").replaceAll("[^A-Za-z0-9]", "");
        assertThat(admin.post("/api/v1/customField", Map.of("name", field, "group", "default", "description", "",
                "type", "string", "mandatory", false)).status()).isEqualTo(201);
        var c = admin.post("/api/v1/case", Map.of("title", title, "description", "what **happened**", "severity", 3,
                "tlp", 3, "pap", 1, "tags", List.of("phishing", "archive"), "flag", true,
                "customFields", List.of(Map.of("name", field, "value", "Sales"))));
        assertThat(c.status()).as(c.toString()).isEqualTo(201);
        String id = c.json().get("_id").asString();
        String task = admin.post("/api/v1/case/" + id + "/task", Map.of("title", "Contain", "group", "response",
                "description", "block the sender")).json().get("_id").asString();
        var log = admin.postPart("/api/v1/task/" + task + "/log", "{\"message\":\"blocked at the gateway\"}", "attachments",
                "gateway.txt", "rule 42".getBytes(StandardCharsets.UTF_8));
        assertThat(log.status()).as(log.toString()).isEqualTo(201);
        assertThat(admin.post("/api/v1/case/" + id + "/comment", Map.of("message", "seen by the SOC")).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/case/" + id + "/observable", Map.of("dataType", "domain", "data", "evil.example",
                "ioc", true, "tags", List.of("c2"), "message", "the C2")).status()).isEqualTo(201);
        var file = admin.postFile("/api/v1/case/" + id + "/observable", "{\"dataType\":\"file\",\"message\":\"the lure\"}",
                "invoice.pdf", "%PDF-1.4 lure".getBytes(StandardCharsets.UTF_8));
        assertThat(file.status()).as(file.toString()).isEqualTo(201);
        assertThat(admin.post("/api/v1/case/" + id + "/procedure", Map.of("occurDate", 1_700_000_000_000L, "patternId", "T1566",
                "tactic", "initial-access", "description", "a lure by mail")).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/case/" + id + "/page", Map.of("title", "Notes", "category", "analysis",
                "content", "# Findings")).status()).isEqualTo(201);
        return id;
    }

    private byte[] export(String caseId, String password) {
        HttpResponse<byte[]> r = admin.download("/api/v1/case/" + caseId + "/export?password=" + password.replace(" ", "%20"));
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).contains(".thar");
        assertThat(r.headers().firstValueAsLong("Content-Length").orElseThrow()).isEqualTo(r.body().length);
        return r.body();
    }

    private TestApi.Response importArchive(String json, byte[] archive) {
        return admin.postPart("/api/v1/case/import", json, "file", "case.thar", archive);
    }

    private long caseCount() {
        return admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "listCase"), Map.of("_name", "count"))))
                .json().asLong();
    }

    @Test
    void exportThenImportMakesANewCaseWithTheSameContent() {
        String original = fullCase(unique("Archived phishing"));
        byte[] archive = export(original, PASSWORD);
        assertThat(new String(archive, StandardCharsets.ISO_8859_1)).doesNotContain("Archived phishing", "evil.example");

        var r = importArchive("{\"password\":\"" + PASSWORD + "\"}", archive);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode imported = r.json().get("case");
        JsonNode before = admin.get("/api/v1/case/" + original).json();
        String copy = imported.get("_id").asString();
        assertThat(copy).isNotEqualTo(original);
        assertThat(imported.get("number").asLong()).isNotEqualTo(before.get("number").asLong());
        for (String field : List.of("title", "description", "severity", "tlp", "pap", "flag", "status", "tags", "startDate")) {
            assertThat(imported.get(field)).as(field).isEqualTo(before.get(field));
        }
        var field = imported.get("customFields").get(0);
        assertThat(field.get("name")).isEqualTo(before.get("customFields").get(0).get("name"));
        assertThat(field.get("value").asString()).isEqualTo("Sales");
        assertThat(r.json().get("observables").size()).isEqualTo(2);
        assertThat(r.json().get("procedures").get(0).get("patternId").asString()).isEqualTo("T1566");

        assertThat(content(copy)).isEqualTo(content(original));
        var fileObservable = stream(admin.get("/api/v1/case/" + copy + "/observables").json())
                .filter(o -> o.get("dataType").asString().equals("file")).findFirst().orElseThrow();
        String fileUrl = "/api/v1/observable/" + fileObservable.get("_id").asString() + "/download";
        assertThat(admin.download(fileUrl).body()).isEqualTo("%PDF-1.4 lure".getBytes(StandardCharsets.UTF_8));

        var audit = admin.get("/api/v1/audit?entity=case&entityId=" + copy).json();
        assertThat(stream(audit).map(e -> e.get("action").asString()).toList()).contains("import");
    }

    /** What the tabs of a case show, without ids and dates of creation. */
    private List<String> content(String caseId) {
        var tasks = admin.get("/api/v1/case/" + caseId + "/task").json();
        var taskId = tasks.get(0).get("_id").asString();
        var logs = admin.get("/api/v1/task/" + taskId + "/log").json();
        return List.of(
                tasks.get(0).get("title").asString() + "/" + tasks.get(0).get("group").asString() + "/"
                        + tasks.get(0).get("description").asString() + "/" + tasks.size(),
                logs.get(0).get("message").asString() + "/" + logs.get(0).get("attachments").get(0).get("name").asString(),
                stream(linked(caseId, "comments")).map(m -> m.get("message").asString()).toList().toString(),
                stream(admin.get("/api/v1/case/" + caseId + "/observables").json())
                        .map(o -> o.get("dataType").asString() + ":" + (o.has("data") ? o.get("data").asString() : "")
                                + ":" + o.get("ioc").asBoolean() + ":" + o.get("tags") + ":" + o.get("message").asString())
                        .sorted().toList().toString(),
                stream(linked(caseId, "procedures"))
                        .map(p -> p.get("patternId").asString() + ":" + p.get("occurDate").asLong() + ":" + p.get("description").asString())
                        .toList().toString(),
                stream(linked(caseId, "pages"))
                        .map(g -> g.get("title").asString() + ":" + g.get("category").asString() + ":" + g.get("content").asString())
                        .toList().toString());
    }

    @Test
    void aWrongPasswordADamagedArchiveOrAnotherFileWritesNothing() {
        byte[] archive = export(fullCase(unique("Refused import")), PASSWORD);
        long cases = caseCount();

        var wrong = importArchive("{\"password\":\"not it\"}", archive);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("type").asString()).isEqualTo("BadRequest");
        assertThat(wrong.json().get("message").asString()).isEqualTo("Wrong password for this case archive");

        byte[] damaged = Arrays.copyOf(archive, archive.length);
        damaged[damaged.length / 2] ^= 0x01;
        var corrupt = importArchive("{\"password\":\"" + PASSWORD + "\"}", damaged);
        assertThat(corrupt.status()).isEqualTo(400);
        assertThat(corrupt.json().get("message").asString()).isEqualTo("The case archive is damaged or truncated");

        var truncated = importArchive("{\"password\":\"" + PASSWORD + "\"}", Arrays.copyOf(archive, archive.length - 40));
        assertThat(truncated.json().get("message").asString()).isEqualTo("The case archive is damaged or truncated");

        var other = importArchive("{\"password\":\"" + PASSWORD + "\"}", "PK\3\4 not a case".getBytes(StandardCharsets.UTF_8));
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.json().get("message").asString()).isEqualTo("The file is not a case archive (.thar) of this hub");

        assertThat(caseCount()).isEqualTo(cases);
    }

    @Test
    void aRequestWithoutPasswordOrFileIsRefusedPrecisely() {
        String caseId = createCase(admin, unique("no password"));
        var noPassword = admin.get("/api/v1/case/" + caseId + "/export");
        assertThat(noPassword.status()).isEqualTo(400);
        var emptyPassword = admin.get("/api/v1/case/" + caseId + "/export?password=");
        assertThat(emptyPassword.status()).isEqualTo(400);
        assertThat(emptyPassword.json().get("message").asString()).isEqualTo("A case archive needs a password");

        var missingPassword = importArchive("{}", new byte[] {1, 2, 3});
        assertThat(missingPassword.status()).isEqualTo(400);
        assertThat(missingPassword.json().get("message").asString()).contains("password");
        var unknownField = importArchive("{\"password\":\"x\",\"color\":\"red\"}", new byte[] {1});
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("message").asString()).contains("color");
        var shared = importArchive("{\"password\":\"x\",\"taskRule\":\"all\"}", new byte[] {1});
        assertThat(shared.status()).isEqualTo(400);
        assertThat(shared.json().get("message").asString()).contains("taskRule");
    }

    @Test
    void anotherOrganisationCannotExportTheCaseAndImportsIntoItsOwn() {
        String caseId = fullCase(unique("Org scoped"));
        TestApi other = newUser(unique("archive-org"), "org-admin");
        assertThat(other.download("/api/v1/case/" + caseId + "/export?password=x").statusCode()).isEqualTo(404);

        byte[] archive = export(caseId, PASSWORD);
        var r = other.postPart("/api/v1/case/import", "{\"password\":\"" + PASSWORD + "\"}", "file", "case.thar", archive);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String copy = r.json().get("case").get("_id").asString();
        assertThat(other.get("/api/v1/case/" + copy).status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/case/" + copy).status()).isEqualTo(404);

        TestApi reader = newUser(unique("archive-read"), "read-only");
        var refused = reader.postPart("/api/v1/case/import", "{\"password\":\"" + PASSWORD + "\"}", "file", "case.thar", archive);
        assertThat(refused.status()).isEqualTo(403);
    }

    /** The records of a case that TheHive lists through a query only. */
    private JsonNode linked(String caseId, String link) {
        return admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "getCase", "idOrName", caseId),
                Map.of("_name", link)))).json();
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
