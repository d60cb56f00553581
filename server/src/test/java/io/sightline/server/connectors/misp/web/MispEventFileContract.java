package io.sightline.server.connectors.misp.web;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import io.sightline.testkit.samples.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/connector/misp/case/import}: a MISP event file becomes a case mapped as the
 * MISP connector maps an event, with the caller's additions; anything but one event writes nothing.
 * On H2 and PostgreSQL.
 */
abstract class MispEventFileContract extends HubTest {
    private static final String ROUTE = "/api/v1/connector/misp/case/import";

    private static byte[] sample(String name) throws IOException {
        return Files.readAllBytes(Samples.file("misp/" + name));
    }

    private TestApi.Response importFile(TestApi api, String json, byte[] event) {
        return api.postPart(ROUTE, json, "file", "event.json", event);
    }

    private long caseCount() {
        return admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "listCase"), Map.of("_name", "count"))))
                .json().asLong();
    }

    @Test
    void anEventFileBecomesACaseWithTheConnectorsMapping() throws IOException {
        var r = importFile(admin, "{\"tasks\":[{\"title\":\"Triage the lure\"}]}", sample("event-webmail-phishing.json"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode c = r.json();
        assertThat(c.get("title").asString()).isEqualTo("#101 Phishing campaign impersonating the example.com webmail login");
        assertThat(c.get("severity").asInt()).isEqualTo(2); // threat level 2
        assertThat(c.get("tlp").asInt()).isEqualTo(1); // tlp:green
        assertThat(c.get("tags").toString()).contains("src:EXAMPLE-CERT", "misp-galaxy:threat-actor=\\\"Paper Heron\\\"");
        String id = c.get("_id").asString();

        List<JsonNode> observables = StreamSupport.stream(admin.get("/api/v1/case/" + id + "/observables").json().spliterator(), false).toList();
        JsonNode domain = observables.stream().filter(o -> o.get("data").asString().equals("webmail-login.example.net")).findFirst().orElseThrow();
        assertThat(domain.get("dataType").asString()).isEqualTo("domain");
        assertThat(domain.get("ioc").asBoolean()).isTrue();
        assertThat(domain.get("tags").toString()).contains("misp.category=\\\"Network activity\\\"");
        JsonNode subject = observables.stream().filter(o -> o.get("data").asString().startsWith("Action required")).findFirst().orElseThrow();
        assertThat(subject.get("ioc").asBoolean()).isFalse();
        // a value an attribute and an object both carry is one observable
        assertThat(observables.stream().filter(o -> o.get("data").asString().equals("203.0.113.10")).count()).isEqualTo(1);
        assertThat(observables.stream().anyMatch(o -> o.get("data").asString().equals("invoice-2026-01.xlsm")
                && o.get("tags").toString().contains("misp.object=\\\"file\\\""))).isTrue();

        assertThat(admin.get("/api/v1/case/" + id + "/task").body()).contains("Triage the lure");
    }

    @Test
    void aFileThatIsNotOneMispEventWritesNothing() throws IOException {
        long before = caseCount();
        var empty = importFile(admin, "{}", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("type").asString()).isEqualTo("BadRequest");
        assertThat(empty.json().get("message").asString()).startsWith("Could not convert json to MISP event");

        var two = importFile(admin, "{}", sample("restsearch-rat-and-ransomware.json"));
        assertThat(two.status()).isEqualTo(400);
        assertThat(two.json().get("message").asString()).isEqualTo("Could not convert json to MISP event: the file holds 2 events, not one");

        var text = importFile(admin, "{}", "not json at all".getBytes(StandardCharsets.UTF_8));
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.json().get("message").asString()).startsWith("Could not convert json to MISP event");

        var unknownField = importFile(admin, "{\"password\":\"x\"}", sample("event-webmail-phishing.json"));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("message").asString()).contains("password");
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void aReadOnlyUserCannotImport() throws IOException {
        TestApi reader = newUser(unique("misp-file-readers"), "read-only");
        assertThat(importFile(reader, "{}", sample("event-webmail-phishing.json")).status()).isEqualTo(403);
    }
}
