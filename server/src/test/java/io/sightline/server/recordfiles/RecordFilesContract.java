package io.sightline.server.recordfiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Files of cases, alerts and organisations over HTTP as thehive4py drives them (upload, query,
 * download, delete); run on H2 and on PostgreSQL, with a small upload limit to see it refuse.
 */
@TestPropertySource(properties = {"spring.servlet.multipart.max-file-size=64KB", "spring.servlet.multipart.max-request-size=256KB"})
abstract class RecordFilesContract extends HubTest {

    /** One {@code attachments} part per file, as thehive4py's add_attachment sends them, with its canRename field. */
    static TestApi.Response upload(TestApi api, String path, Map<String, String> files) {
        String boundary = "----sightline" + UUID.randomUUID();
        var out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"canRename\"\r\n\r\nTrue\r\n").getBytes(StandardCharsets.UTF_8));
        files.forEach((name, content) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\""
                + name + "\"\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.send(api.builder(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    private static Map<String, String> files(String... nameThenContent) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < nameThenContent.length; i += 2) out.put(nameThenContent[i], nameThenContent[i + 1]);
        return out;
    }

    private static TestApi.Response query(TestApi api, Object... steps) {
        return api.post("/api/v1/query", Map.of("query", List.of(steps)));
    }

    private static JsonNode attachmentsOf(TestApi api, String getStep, String id) {
        var r = query(api, Map.of("_name", getStep, "idOrName", id), Map.of("_name", "attachments"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private String newAlert(TestApi api) {
        var r = api.post("/api/v1/alert", Map.of("type", "test", "source", "test", "sourceRef", unique("ref"),
                "title", "alert with files", "description", "..."));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("_id").asString();
    }

    @Test
    void aCaseKeepsSeveralFilesThatAreListedDownloadedAndDeleted() {
        String caseId = createCase(admin, unique("files"));
        var r = upload(admin, "/api/v1/case/" + caseId + "/attachments", files("attachment-0.txt", "content of 0", "attachment-1.txt", "content of 1"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode added = r.json().get("attachments");
        assertThat(added.size()).isEqualTo(2);
        JsonNode first = added.get(0);
        assertThat(first.get("_id").asString()).startsWith("~");
        assertThat(first.get("_type").asString()).isEqualTo("Attachment");
        assertThat(first.get("_createdBy").asString()).isEqualTo("admin");
        assertThat(first.get("name").asString()).isEqualTo("attachment-0.txt");
        assertThat(first.get("size").asLong()).isEqualTo(12);
        assertThat(first.get("contentType").asString()).isEqualTo("text/plain");
        assertThat(first.get("hashes").size()).isEqualTo(3);
        assertThat(first.get("id").asString()).isEqualTo(first.get("hashes").get(0).asString()).hasSize(64);
        assertThat(first.get("path").asString()).isEqualTo("/api/v1/case/" + caseId + "/attachment/" + first.get("_id").asString() + "/download");
        assertThat(first.get("extraData").isObject()).isTrue();
        assertThat(first.get("external").asBoolean()).isFalse();

        assertThat(attachmentsOf(admin, "getCase", caseId).valueStream().toList()).containsExactlyInAnyOrderElementsOf(added.valueStream().toList());
        for (JsonNode f : added) {
            var download = admin.get(f.get("path").asString());
            assertThat(download.status()).isEqualTo(200);
            assertThat(download.body()).isEqualTo("content of " + f.get("name").asString().charAt(11));
            assertThat(download.header("Content-Type")).isEqualTo("application/octet-stream");
            assertThat(download.header("Content-Disposition")).startsWith("attachment").contains(f.get("name").asString());
        }
        assertThat(admin.get("/api/v1/attachment/" + first.get("_id").asString() + "/download").body())
                .as("the organisation's download route serves its cases' files").isEqualTo("content of 0");
        assertThat(admin.get("/api/v1/case/" + caseId + "/attachment/" + first.get("id").asString() + "/download").body())
                .as("by content id too").isEqualTo("content of 0");

        assertThat(admin.delete("/api/v1/case/" + caseId + "/attachment/" + first.get("_id").asString()).status()).isEqualTo(204);
        assertThat(attachmentsOf(admin, "getCase", caseId).valueStream().map(f -> f.get("name").asString()).toList())
                .containsExactly("attachment-1.txt");
        assertThat(admin.get(first.get("path").asString()).status()).isEqualTo(404);
        assertThat(admin.delete("/api/v1/case/" + caseId + "/attachment/" + first.get("_id").asString()).status()).isEqualTo(404);

        var audit = admin.get("/api/v1/audit?entity=Attachment&entityId=" + first.get("_id").asString()).json();
        assertThat(audit.valueStream().map(e -> e.get("action").asString()).toList()).containsExactly("delete", "create");
        assertThat(audit.get(1).get("after").get("name").asString()).isEqualTo("attachment-0.txt");
    }

    @Test
    void anAlertKeepsFilesUntilItIsDeleted() {
        String alertId = newAlert(admin);
        JsonNode added = upload(admin, "/api/v1/alert/" + alertId + "/attachments", files("a.txt", "alpha", "b.txt", "beta"))
                .json().get("attachments");
        assertThat(added.size()).isEqualTo(2);
        assertThat(added.get(1).get("path").asString()).startsWith("/api/v1/alert/" + alertId + "/attachment/");
        assertThat(admin.get(added.get(1).get("path").asString()).body()).isEqualTo("beta");
        assertThat(attachmentsOf(admin, "getAlert", alertId).size()).isEqualTo(2);
        assertThat(query(admin, Map.of("_name", "getAlert", "idOrName", alertId), Map.of("_name", "attachments"),
                Map.of("_name", "filter", "_eq", Map.of("_field", "name", "_value", "a.txt")), Map.of("_name", "count")).body()).isEqualTo("1");

        assertThat(admin.delete("/api/v1/alert/" + alertId + "/attachment/" + added.get(0).get("_id").asString()).status()).isEqualTo(204);
        assertThat(attachmentsOf(admin, "getAlert", alertId).size()).isEqualTo(1);

        assertThat(admin.delete("/api/v1/alert/" + alertId).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/attachment/" + added.get(1).get("_id").asString() + "/download").status())
                .as("the alert's files go with it").isEqualTo(404);
    }

    @Test
    void aPromotedAlertsFilesGoToItsCaseAndMergedCasesKeepTheirFiles() {
        String alertId = newAlert(admin);
        JsonNode alertFile = upload(admin, "/api/v1/alert/" + alertId + "/attachments", files("evidence.txt", "evidence"))
                .json().get("attachments").get(0);
        var promoted = admin.post("/api/v1/alert/" + alertId + "/case", Map.of());
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(201);
        String caseId = promoted.json().get("_id").asString();
        JsonNode copied = attachmentsOf(admin, "getCase", caseId);
        assertThat(copied.size()).isEqualTo(1);
        assertThat(copied.get(0).get("name").asString()).isEqualTo("evidence.txt");
        assertThat(copied.get(0).get("id")).isEqualTo(alertFile.get("id"));
        assertThat(admin.get(copied.get(0).get("path").asString()).body()).isEqualTo("evidence");
        assertThat(attachmentsOf(admin, "getAlert", alertId).size()).as("the alert keeps its own").isEqualTo(1);

        String other = createCase(admin, unique("merged with"));
        upload(admin, "/api/v1/case/" + other + "/attachments", files("other.txt", "other"));
        var merged = admin.post("/api/v1/case/_merge/" + caseId + "," + other, Map.of());
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        JsonNode kept = attachmentsOf(admin, "getCase", merged.json().get("_id").asString());
        assertThat(kept.valueStream().map(f -> f.get("name").asString()).toList()).containsExactlyInAnyOrder("evidence.txt", "other.txt");
        for (JsonNode f : kept) assertThat(admin.get(f.get("path").asString()).status()).isEqualTo(200);
    }

    @Test
    void theOrganisationHasItsOwnFilesWhichOnlyItsManagersChange() {
        JsonNode added = upload(admin, "/api/v1/attachment", files("playbook.txt", "step one")).json().get("attachments");
        String id = added.get(0).get("_id").asString();
        assertThat(added.get(0).get("path").asString()).isEqualTo("/api/v1/attachment/" + id + "/download");
        assertThat(admin.get("/api/v1/attachment/" + id + "/download").body()).isEqualTo("step one");
        String caseId = createCase(admin, unique("not the organisation's own"));
        upload(admin, "/api/v1/case/" + caseId + "/attachments", files("case.txt", "case"));
        List<String> names = attachmentsOf(admin, "getOrganisation", "admin").valueStream().map(f -> f.get("name").asString()).toList();
        assertThat(names).contains("playbook.txt").doesNotContain("case.txt");

        String org = unique("kb");
        TestApi orgAdmin = newUser(org, "org-admin");
        TestApi analyst = newUser(org, "analyst");
        JsonNode theirs = upload(orgAdmin, "/api/v1/attachment", files("theirs.txt", "theirs")).json().get("attachments").get(0);
        var refused = upload(analyst, "/api/v1/attachment", files("mine.txt", "mine"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("AuthorizationError");
        assertThat(analyst.get(theirs.get("path").asString()).body()).as("members read them").isEqualTo("theirs");
        assertThat(analyst.delete("/api/v1/attachment/" + theirs.get("_id").asString()).status()).isEqualTo(403);
        assertThat(attachmentsOf(orgAdmin, "getOrganisation", org).valueStream().map(f -> f.get("name").asString()).toList())
                .containsExactly("theirs.txt");

        assertThat(admin.delete("/api/v1/attachment/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/attachment/" + id + "/download").status()).isEqualTo(404);
        assertThat(admin.delete("/api/v1/attachment/" + theirs.get("_id").asString()).status())
                .as("another organisation's file").isEqualTo(404);
    }

    @Test
    void anotherOrganisationNeitherSeesNorChangesFiles() {
        String caseId = createCase(admin, unique("secret"));
        String alertId = newAlert(admin);
        JsonNode caseFile = upload(admin, "/api/v1/case/" + caseId + "/attachments", files("s.txt", "secret")).json().get("attachments").get(0);
        JsonNode alertFile = upload(admin, "/api/v1/alert/" + alertId + "/attachments", files("t.txt", "secret")).json().get("attachments").get(0);
        JsonNode ownFile = upload(admin, "/api/v1/attachment", files("u.txt", "secret")).json().get("attachments").get(0);

        TestApi stranger = newUser(unique("elsewhere"), "org-admin");
        assertThat(upload(stranger, "/api/v1/case/" + caseId + "/attachments", files("x.txt", "x")).status()).isEqualTo(404);
        assertThat(upload(stranger, "/api/v1/alert/" + alertId + "/attachments", files("x.txt", "x")).status()).isEqualTo(404);
        for (JsonNode f : List.of(caseFile, alertFile, ownFile)) {
            assertThat(stranger.get(f.get("path").asString()).status()).isEqualTo(404);
            assertThat(stranger.get("/api/v1/attachment/" + f.get("_id").asString() + "/download").status()).isEqualTo(404);
            assertThat(stranger.get("/api/v1/attachment/" + f.get("id").asString() + "/download").status()).isEqualTo(404);
        }
        assertThat(stranger.delete("/api/v1/case/" + caseId + "/attachment/" + caseFile.get("_id").asString()).status()).isEqualTo(404);
        assertThat(stranger.delete("/api/v1/alert/" + alertId + "/attachment/" + alertFile.get("_id").asString()).status()).isEqualTo(404);
        assertThat(stranger.delete("/api/v1/attachment/" + ownFile.get("_id").asString()).status()).isEqualTo(404);
        assertThat(query(stranger, Map.of("_name", "listAttachment"), Map.of("_name", "count")).body()).isEqualTo("0");
        assertThat(query(stranger, Map.of("_name", "getCase", "idOrName", caseId), Map.of("_name", "attachments")).status()).isEqualTo(404);

        assertThat(attachmentsOf(admin, "getCase", caseId).size()).isEqualTo(1);
        assertThat(attachmentsOf(admin, "getAlert", alertId).size()).isEqualTo(1);
        assertThat(admin.get(ownFile.get("path").asString()).body()).isEqualTo("secret");
    }

    @Test
    void refusesBadUploadsPreciselyAndKeepsNothing() {
        String caseId = createCase(admin, unique("refusals"));
        String path = "/api/v1/case/" + caseId + "/attachments";
        var none = upload(admin, path, Map.of());
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("message").asString()).isEqualTo("No file sent: send each file as a multipart part named attachments");
        assertThat(upload(admin, "/api/v1/case/~999999999/attachments", Map.of()).status()).as("an unknown case before an empty upload").isEqualTo(404);
        var json = admin.post(path, Map.of("attachments", List.of("a.txt")));
        assertThat(json.status()).isEqualTo(415);

        var tooLarge = upload(admin, path, files("small.txt", "fits", "big.bin", "x".repeat(70 * 1024)));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("type").asString()).isEqualTo("BadRequest");
        assertThat(tooLarge.json().get("message").asString()).startsWith("Upload exceeds the maximum allowed size").contains("65536");
        assertThat(attachmentsOf(admin, "getCase", caseId).size()).as("nothing kept of a refused upload").isZero();

        TestApi readOnly = newUser(unique("readers"), "read-only");
        assertThat(upload(readOnly, "/api/v1/attachment", files("r.txt", "r")).status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/attachment/junk/download").status()).isEqualTo(404);
        assertThat(admin.delete("/api/v1/case/" + caseId + "/attachment/~junk").status()).isEqualTo(404);
    }
}
