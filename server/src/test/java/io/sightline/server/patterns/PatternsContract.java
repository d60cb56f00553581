package io.sightline.server.patterns;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The ATT&CK catalogue: shipped in the jar, read by anyone, refreshed by a platform admin from STIX. */
abstract class PatternsContract extends HubTest {

    @Test
    void theShippedCatalogueIsLoadedAtStart() {
        var r = admin.get("/api/v1/pattern/T1059.006");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        var p = r.json();
        assertThat(p.get("_id").asString()).startsWith("~");
        assertThat(p.get("_type").asString()).isEqualTo("Pattern");
        assertThat(p.get("_createdBy").asString()).isEqualTo("system");
        assertThat(p.get("patternId").asString()).isEqualTo("T1059.006");
        assertThat(p.get("name").asString()).isEqualTo("Python");
        assertThat(p.get("tactics").toString()).isEqualTo("[\"execution\"]");
        assertThat(p.get("url").asString()).isEqualTo("https://attack.mitre.org/techniques/T1059/006");
        assertThat(p.get("description").asString()).startsWith("Adversaries may abuse Python");
        assertThat(p.get("extraData").get("isSubtechnique").asBoolean()).isTrue();
        assertThat(p.get("extraData").get("parent").asString()).isEqualTo("T1059");

        var byHubId = admin.get("/api/v1/pattern/" + p.get("_id").asString()).json();
        assertThat(byHubId.get("patternId").asString()).isEqualTo("T1059.006");
        var parent = admin.get("/api/v1/pattern/t1059").json();
        assertThat(parent.get("extraData").get("isSubtechnique").asBoolean()).isFalse();
        assertThat(parent.get("extraData").has("parent")).isFalse();
    }

    @Test
    void anyUserReadsPatternsAPageAtATime() {
        TestApi reader = newUser("pattern-readers", "read-only");
        var page = reader.get("/api/v1/pattern?from=0&size=3");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.json().size()).isEqualTo(3);
        var next = reader.get("/api/v1/pattern?from=3&size=3").json();
        assertThat(next.get(0).get("patternId").asString()).isGreaterThan(page.json().get(2).get("patternId").asString());
        assertThat(reader.get("/api/v1/pattern?size=5000").status()).isEqualTo(400);
        var missing = reader.get("/api/v1/pattern/T0000");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("type").asString()).isEqualTo("NotFoundError");
    }

    @Test
    void queriesListAndGetPatternsInEveryOrganisation() {
        TestApi analyst = newUser("pattern-query-analysts", "analyst");
        var got = analyst.post("/api/v1/query", java.util.Map.of("query", java.util.List.of(
                java.util.Map.of("_name", "getPattern", "idOrName", "T1566.001"))));
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        assertThat(got.json().get(0).get("name").asString()).isEqualTo("Spearphishing Attachment");
        assertThat(got.json().get(0)).isEqualTo(analyst.get("/api/v1/pattern/T1566.001").json());
        var listed = analyst.post("/api/v1/query", java.util.Map.of("query", java.util.List.of(
                java.util.Map.of("_name", "listPattern"),
                java.util.Map.of("_name", "filter", "_like", java.util.Map.of("_field", "patternId", "_value", "T1566*")),
                java.util.Map.of("_name", "sort", "_fields", java.util.List.of(java.util.Map.of("patternId", "asc"))))));
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().get(0).get("patternId").asString()).isEqualTo("T1566");
        assertThat(listed.json().size()).isGreaterThan(3);
        var missing = analyst.post("/api/v1/query", java.util.Map.of("query", java.util.List.of(
                java.util.Map.of("_name", "getPattern", "idOrName", "T0000"))));
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void aPlatformAdminImportsAnAttackBundleLeavingOutRevokedAndDeprecated() {
        String bundle = """
                {"type":"bundle","id":"bundle--1","objects":[
                  %s, %s, %s, {"type":"x-mitre-tactic","id":"x-mitre-tactic--1","name":"Execution"}]}"""
                .formatted(technique("T9990", "Imported technique", false, false),
                        technique("T9990.001", "Imported sub-technique", false, false),
                        technique("T9991", "Revoked technique", true, false));
        var r = upload(admin, bundle);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("imported").asInt()).isEqualTo(2);

        var sub = admin.get("/api/v1/pattern/T9990.001").json();
        assertThat(sub.get("name").asString()).isEqualTo("Imported sub-technique");
        assertThat(sub.get("tactics").toString()).isEqualTo("[\"execution\",\"defense-evasion\"]");
        assertThat(sub.get("description").asString()).isEqualTo("First paragraph with code.");
        assertThat(sub.get("extraData").get("parent").asString()).isEqualTo("T9990");
        assertThat(admin.get("/api/v1/pattern/T9991").status()).isEqualTo(404);

        var again = upload(admin, bundle).json();
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("updated").asInt()).isEqualTo(2);
        var audited = admin.get("/api/v1/audit?entity=pattern&entityId=attack").json();
        assertThat(audited.get(0).get("action").asString()).isEqualTo("import");
        assertThat(audited.get(0).get("after").get("updated").asInt()).isEqualTo(2);
    }

    @Test
    void importRefusesOthersAndUnreadableFilesWritingNothing() {
        TestApi orgAdmin = newUser("pattern-org-admins", "org-admin");
        String bundle = "{\"type\":\"bundle\",\"id\":\"bundle--2\",\"objects\":[" + technique("T9992", "x", false, false) + "]}";
        var refused = upload(orgAdmin, bundle);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("AuthorizationError");
        assertThat(admin.get("/api/v1/pattern/T9992").status()).isEqualTo(404);

        var broken = upload(admin, "{\"type\":\"bundle\",\"objects\":[" + technique("T9993", "x", false, false) + ",");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("message").asString()).contains("not a STIX bundle");
        assertThat(admin.get("/api/v1/pattern/T9993").status()).isEqualTo(404);

        var empty = upload(admin, "{\"type\":\"bundle\",\"id\":\"bundle--3\",\"objects\":[]}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("message").asString()).contains("no attack-pattern");
    }

    @Test
    void aPlatformAdminDeletesAPattern() {
        upload(admin, "{\"type\":\"bundle\",\"id\":\"bundle--4\",\"objects\":[" + technique("T9994", "to delete", false, false) + "]}");
        assertThat(admin.delete("/api/v1/pattern/T9994").status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/pattern/T9994").status()).isEqualTo(404);
        TestApi analyst = newUser("pattern-analysts", "analyst");
        assertThat(analyst.delete("/api/v1/pattern/T1059").status()).isEqualTo(403);
    }

    private static String technique(String id, String name, boolean revoked, boolean deprecated) {
        return """
                {"type":"attack-pattern","id":"attack-pattern--%s","name":"%s","modified":"2025-01-01T00:00:00.000Z",
                 "revoked":%s,"x_mitre_deprecated":%s,
                 "description":"First paragraph (Citation: Somebody 2020) with <code>code</code>.\\n\\nSecond paragraph.",
                 "kill_chain_phases":[{"kill_chain_name":"mitre-attack","phase_name":"execution"},
                                      {"kill_chain_name":"mitre-attack","phase_name":"defense-evasion"}],
                 "external_references":[{"source_name":"mitre-attack","external_id":"%s",
                                         "url":"https://attack.mitre.org/techniques/%s"}]}"""
                .formatted(UUID.randomUUID(), name, revoked, deprecated, id, id.replace('.', '/'));
    }

    private static TestApi.Response upload(TestApi api, String bundle) {
        String boundary = "----attack" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_json\"\r\n\r\n{}\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"enterprise-attack.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + bundle + "\r\n--" + boundary + "--\r\n";
        return api.send(api.builder("/api/v1/pattern/import/attack")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

}
