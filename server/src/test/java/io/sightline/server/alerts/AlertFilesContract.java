package io.sightline.server.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * File observables of alerts as thehive4py sends them: one at a time (multipart {@code _json} and
 * {@code attachment}), inside a new alert ({@code attachment_map}: the alert as a file part
 * {@code _json}, each file in the part its observable names), and downloaded by the observable's
 * attachment route as they are or in a zip protected by "malware". Run on H2 and on PostgreSQL.
 */
abstract class AlertFilesContract extends HubTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** thehive4py's alert.create with an attachment_map: every part is a file part, {@code _json} included. */
    private static TestApi.Response createWithFiles(TestApi api, String alertJson, Map<String, String> files) {
        String boundary = "----sightline" + UUID.randomUUID();
        var out = new ByteArrayOutputStream();
        files.forEach((part, content) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part
                + "\"; filename=\"" + part + ".txt\"\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_json\"; filename=\"_json\"\r\n\r\n" + alertJson + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.send(api.builder("/api/v1/alert").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    private static String alertJson(String sourceRef, String observables) {
        return "{\"title\": \"alert with files\", \"description\": \"...\", \"type\": \"test\", \"source\": \"test\", \"sourceRef\": \""
                + sourceRef + "\", \"date\": 123, \"observables\": " + observables + "}";
    }

    private String newAlert(TestApi api) {
        var r = api.post("/api/v1/alert", Map.of("type", "test", "source", "test", "sourceRef", unique("ref"),
                "title", "alert", "description", "..."));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("_id").asString();
    }

    private byte[] bytes(TestApi api, String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HTTP.send(api.builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    @Test
    void addsAFileObservableToAnAlertAndDownloadsItAsItIsOrZipped() throws Exception {
        String alertId = newAlert(admin);
        var r = admin.postFile("/api/v1/alert/" + alertId + "/observable", "{\"dataType\": \"file\", \"message\": \"file based observable\"}",
                "alert-observable.txt", "observable content".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode observable = r.json().get(0);
        JsonNode attachment = observable.get("attachment");
        assertThat(attachment.get("name").asString()).isEqualTo("alert-observable.txt");
        assertThat(admin.get("/api/v1/alert/" + alertId + "/observables").json().get(0)).isEqualTo(observable);

        String path = "/api/v1/observable/" + observable.get("_id").asString() + "/attachment/" + attachment.get("_id").asString() + "/download";
        assertThat(attachment.get("_type").asString()).isEqualTo("Attachment");
        assertThat(attachment.get("path").asString()).as("TheHive's OutputAttachment names its download").isEqualTo(path);
        assertThat(admin.get(path).body()).isEqualTo("observable content");
        assertThat(admin.get(path + "?asZip=False").body()).isEqualTo("observable content");
        assertThat(admin.get("/api/v1/observable/" + observable.get("_id").asString() + "/attachment/" + attachment.get("id").asString()
                + "/download").body()).as("by content id").isEqualTo("observable content");

        var zipped = admin.get(path + "?asZip=True");
        assertThat(zipped.header("Content-Type")).isEqualTo("application/zip");
        assertThat(zipped.header("Content-Disposition")).contains("alert-observable.txt.zip");
        byte[] zip = bytes(admin, path + "?asZip=True");
        assertThat(Long.parseLong(zipped.header("Content-Length"))).isEqualTo(zip.length);
        ByteBuffer le = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(le.getInt(0)).as("a zip's local header").isEqualTo(0x04034b50);
        assertThat(le.getShort(6) & 1).as("its entry is encrypted").isEqualTo(1);
        assertThat(le.getInt(18)).as("12 bytes of encryption header, then the content").isEqualTo(30);
        assertThat(le.getInt(22)).as("the file's size").isEqualTo(18);
        assertThat(new String(zip, 30, le.getShort(26), StandardCharsets.UTF_8)).isEqualTo("alert-observable.txt");
        assertThat(new String(zip, StandardCharsets.ISO_8859_1)).as("the content is not readable in the archive")
                .doesNotContain("observable content");
        java.nio.file.Path archive = java.nio.file.Files.write(java.nio.file.Files.createTempFile("observable", ".zip"), zip);
        try {
            assertThatThrownBy(() -> new ZipFile(archive.toFile()).close()).as("the JDK reads its directory and finds it encrypted")
                    .isInstanceOf(ZipException.class).hasMessageContaining("encrypted entry");
        } finally {
            java.nio.file.Files.delete(archive);
        }
        assertThat(bytes(admin, path + "?asZip")).as("?asZip alone means true").hasSize(zip.length);

        assertThat(admin.get(path + "?asZip=maybe").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/observable/" + observable.get("_id").asString() + "/attachment/~999999999/download").status()).isEqualTo(404);
        TestApi stranger = newUser(unique("elsewhere"), "analyst");
        assertThat(stranger.get(path).status()).isEqualTo(404);
        assertThat(stranger.get(path + "?asZip=true").status()).isEqualTo(404);
        assertThat(stranger.postFile("/api/v1/alert/" + alertId + "/observable", "{\"dataType\": \"file\"}", "x.txt", new byte[] {1}).status())
                .isEqualTo(404);
    }

    @Test
    void createsAnAlertWithTheFilesItsObservablesName() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("obs1", "observable content");
        var r = createWithFiles(admin, alertJson(unique("third"),
                "[{\"dataType\": \"url\", \"data\": \"example.com\"}, {\"dataType\": \"file\", \"attachment\": \"obs1\"}]"), files);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("observableCount").asInt()).isEqualTo(2);
        String alertId = r.json().get("_id").asString();
        JsonNode file = admin.get("/api/v1/alert/" + alertId + "/observables").json().valueStream()
                .filter(o -> o.get("dataType").asString().equals("file")).findFirst().orElseThrow();
        assertThat(file.get("attachment").get("name").asString()).isEqualTo("obs1.txt");
        assertThat(admin.get("/api/v1/observable/" + file.get("_id").asString() + "/download").body()).isEqualTo("observable content");
    }

    @Test
    void refusesAnAlertWhosePartsAndObservablesDoNotMatchAndKeepsNothing() {
        String ref = unique("refused");
        var missing = createWithFiles(admin, alertJson(ref, "[{\"dataType\": \"file\", \"attachment\": \"obs1\"}]"), Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("message").asString()).contains("obs1").contains("names no file");
        var extra = createWithFiles(admin, alertJson(ref, "[]"), Map.of("stray", "x"));
        assertThat(extra.status()).isEqualTo(400);
        assertThat(extra.json().get("message").asString()).isEqualTo("Part stray is the file of no observable: name it in an observable's attachment field");
        var notAFile = createWithFiles(admin, alertJson(ref, "[{\"dataType\": \"domain\", \"data\": \"example.org\", \"attachment\": \"obs1\"}]"),
                Map.of("obs1", "x"));
        assertThat(notAFile.status()).isEqualTo(400);
        var plain = admin.post("/api/v1/alert", TestApi.JSON.readTree(alertJson(ref, "[{\"dataType\": \"file\", \"attachment\": \"obs1\"}]")));
        assertThat(plain.status()).as("a file named in plain JSON cannot come").isEqualTo(400);
        var noJson = createWithFiles(admin, "", Map.of());
        assertThat(noJson.status()).isEqualTo(400);

        var none = admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "listAlert"),
                Map.of("_name", "filter", "_eq", Map.of("_field", "sourceRef", "_value", ref)), Map.of("_name", "count"))));
        assertThat(none.body()).as("no alert was written").isEqualTo("0");
    }
}
