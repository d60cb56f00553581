package io.sightline.server.observables;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Observables of cases: validation per type, duplicates, lists, files and "seen in"; on H2 and PostgreSQL. */
abstract class ObservablesContract extends HubTest {
    @org.springframework.beans.factory.annotation.Autowired
    ObservableRepository observables;
    static final String SHA256 = "4a821767c6ce723e6fb4b8d54efd52df6cbd63fc0de47a7b8b39a6ec72b4be69";

    @Test
    void addsTheSeedObservableAsAnIocWithItsTag() {
        String caseId = createCase(admin, unique("seed"));
        var r = admin.post("/api/v1/case/" + caseId + "/observable",
                Map.of("dataType", "hash", "data", SHA256, "ioc", true, "tags", List.of("Hash"), "message", "from the seed"));
        assertThat(r.status()).isEqualTo(201);
        var list = r.json();
        assertThat(list.isArray()).isTrue();
        var o = list.get(0);
        assertThat(o.get("_type").asString()).isEqualTo("Observable");
        assertThat(o.get("data").asString()).isEqualTo(SHA256);
        assertThat(o.get("ioc").asBoolean()).isTrue();
        assertThat(o.get("tags").get(0).asString()).isEqualTo("Hash");
        assertThat(o.get("reports").isObject()).isTrue();
        assertThat(admin.get("/api/v1/observable/" + o.get("_id").asString()).json().get("message").asString()).isEqualTo("from the seed");
    }

    @Test
    void sharesAnObservableOnlyWithinItsOwnOrganisation() {
        String org = admin.get("/api/v1/user/current").json().get("organisation").asString();
        String caseId = createCase(admin, unique("share"));
        String id = admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", "domain", "data", "share.example"))
                .json().get(0).get("_id").asString();
        String shares = "/api/v1/observable/" + id + "/shares";
        assertThat(admin.post(shares, Map.of("organisations", List.of(org))).status()).isEqualTo(204);
        var list = admin.get(shares);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().size()).isZero();

        var other = admin.post(shares, Map.of("organisations", List.of("share-org")));
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.json().get("message").asString()).startsWith("Organisation share-org cannot see observable " + id);
        var unshareOwn = admin.send(admin.builder(shares).header("Content-Type", "application/json")
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.ofString("{\"organisations\": [\"" + org + "\"]}")));
        assertThat(unshareOwn.status()).isEqualTo(400);
        var unshareOther = admin.send(admin.builder(shares).header("Content-Type", "application/json")
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.ofString("{\"organisations\": [\"share-org\"]}")));
        assertThat(unshareOther.status()).isEqualTo(404);
        assertThat(admin.post(shares, Map.of("organisations", "all")).status()).isEqualTo(400);
        assertThat(admin.post(shares, Map.of()).json().get("message").asString()).isEqualTo("Field organisations of share is required");
        assertThat(admin.get("/api/v1/observable/~999999999/shares").status()).isEqualTo(404);
        assertThat(newUser(unique("share-reader"), "read-only").post("/api/v1/observable/" + id + "/shares",
                Map.of("organisations", List.of(org))).status()).isEqualTo(403);
    }

    @Test
    void addingAValueTheCaseHoldsAnswersTheExistingObservable() {
        String caseId = createCase(admin, unique("dup"));
        admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", "domain", "data", "evil.example"));
        var again = admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", "domain", "data", "evil.example"));
        // As in TheHive: the existing observable is answered, nothing is added twice.
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get(0).get("data").asString()).isEqualTo("evil.example");
        assertThat(admin.get("/api/v1/case/" + caseId + "/observables").json().size()).isEqualTo(1);
    }

    @Test
    void aListCreatesOneObservablePerValueAndReportsPartialFailures() {
        String caseId = createCase(admin, unique("list"));
        var all = admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", "ip", "data", List.of("10.0.0.1", "2001:db8::1")));
        assertThat(all.status()).isEqualTo(201);
        assertThat(all.json().size()).isEqualTo(2);

        var partial = admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", "ip", "data", List.of("10.0.0.2", "10.0.0.1", "300.1.1.1")));
        // 10.0.0.1 is already there: answered as it stands, not refused
        assertThat(partial.status()).isEqualTo(207);
        assertThat(partial.json().get("success").size()).isEqualTo(2);
        assertThat(partial.json().get("failure").size()).isEqualTo(1);
        assertThat(partial.json().get("failure").get(0).get("message").asString()).contains("expected an IPv4 or IPv6 address");
    }

    @Test
    void validatesValuesByType() {
        String caseId = createCase(admin, unique("types"));
        Map<String, String> invalid = Map.of("ip", "not-an-ip", "hash", "abc123", "domain", "not a domain", "mail", "nobody",
                "url", "no host/path", "autonomous-system", "ASX");
        invalid.forEach((type, value) -> {
            var r = admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", type, "data", value));
            assertThat(r.status()).as(type).isEqualTo(400);
            assertThat(r.json().get("message").asString()).as(type).startsWith("Invalid " + type + " observable");
        });
        var unknownType = admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", "colour", "data", "x"));
        assertThat(unknownType.json().get("message").asString()).startsWith("Unknown dataType 'colour'");
        var upper = admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", "hash", "data", SHA256.toUpperCase()));
        assertThat(upper.json().get(0).get("data").asString()).isEqualTo(SHA256);
        for (String ok : List.of("https://evil.example/a?b=c", "hxxp://defanged.example", "example.org",
                "evil.example:8080/login?next=/", "198.51.100.9/payload.bin")) {
            assertThat(admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", "url", "data", ok)).status()).isEqualTo(201);
        }
    }

    @Test
    void storesAnUploadedFileWithItsHashes() {
        String caseId = createCase(admin, unique("file"));
        byte[] content = "malware sample".getBytes(StandardCharsets.UTF_8);
        var r = admin.postFile("/api/v1/case/" + caseId + "/observable", "{\"dataType\":\"file\",\"ioc\":true,\"tags\":[\"sample\"]}",
                "sample.bin", content);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        var att = r.json().get(0).get("attachment");
        assertThat(att.get("name").asString()).isEqualTo("sample.bin");
        assertThat(att.get("size").asLong()).isEqualTo(content.length);
        assertThat(att.get("hashes").get(0).asString()).isEqualTo(sha256(content));
        var id = r.json().get(0).get("_id").asString();
        var download = admin.get("/api/v1/observable/" + id + "/download");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("malware sample");

        var missingFile = admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", "file", "data", "x"));
        assertThat(missingFile.status()).isEqualTo(400);
    }

    @Test
    void showsTheOtherCasesWhereAValueWasSeen() {
        String first = createCase(admin, unique("seen-a"));
        String second = createCase(admin, unique("seen-b"));
        admin.post("/api/v1/case/" + first + "/observable", Map.of("dataType", "domain", "data", "shared.example", "ioc", true));
        var o = admin.post("/api/v1/case/" + second + "/observable", Map.of("dataType", "domain", "data", "shared.example")).json().get(0);
        assertThat(admin.get("/api/v1/observable/" + o.get("_id").asString()).json().has("seenIn"))
                .as("TheHive's shape unless asked").isFalse();
        assertThat(admin.get("/api/v1/observable/" + o.get("_id").asString() + "?details=other").status()).isEqualTo(400);
        var seen = admin.get("/api/v1/observable/" + o.get("_id").asString() + "?details=seen").json();
        assertThat(seen.get("seenIn").size()).isEqualTo(1);
        assertThat(seen.get("seenIn").get(0).get("caseId").asString()).isEqualTo(first);
        assertThat(seen.get("extraData").get("seen").get("ioc").asBoolean()).isTrue();
    }

    @Test
    void aTablePageReadsTheOtherCasesOnceWithTheAnswerOfEachRow() {
        String tag = unique("page");
        List<String> values = List.of("a." + tag + ".example", "b." + tag + ".example", "c." + tag + ".example");
        List<String> cases = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String caseId = createCase(admin, tag + " " + i);
            cases.add(caseId);
            // case i holds the first i + 1 values (as a domain), and the last one also as an fqdn of the same text
            admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", "domain", "data", values.subList(0, Math.min(i + 1, 3))));
        }
        admin.post("/api/v1/case/" + cases.get(3) + "/observable", Map.of("dataType", "fqdn", "data", values.get(0)));
        long caseId = io.sightline.server.common.Ids.parse(cases.get(1), "case");
        List<ObservableRecord> page = observables.ofCase(caseId);
        assertThat(page).hasSize(2);
        var caller = new io.sightline.server.auth.Principal(1, "admin", "Administrator", page.get(0).orgId(), "admin",
                io.sightline.server.auth.Profile.ADMIN, null, false);
        Map<Long, List<ObservableRepository.Sighting>> batched = observables.seenIn(caller, page);
        for (ObservableRecord o : page) assertThat(batched.get(o.id())).as(o.data()).isEqualTo(observables.seenIn(caller, o));
        assertThat(batched.get(page.get(0).id())).extracting(ObservableRepository.Sighting::caseId)
                .doesNotContain(caseId).hasSize(3);
    }

    @Test
    void updatesAndDeletesObservables() {
        String caseId = createCase(admin, unique("upd"));
        var o = admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", "other", "data", "x1")).json().get(0);
        String id = o.get("_id").asString();
        var updated = admin.patch("/api/v1/observable/" + id, Map.of("ioc", true, "tags", List.of("t1"), "tlp", 3));
        assertThat(updated.json().get("ioc").asBoolean()).isTrue();
        assertThat(updated.json().get("tlp").asInt()).isEqualTo(3);
        assertThat(admin.patch("/api/v1/observable/" + id, Map.of("data", "changed")).status()).isEqualTo(400);
        assertThat(admin.delete("/api/v1/observable/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/observable/" + id).status()).isEqualTo(404);
    }

    @Test
    void anUnknownCaseIsNotFoundWhateverTheBody() {
        String missing = "/api/v1/case/~987654321/observable";
        var valid = admin.post(missing, Map.of("dataType", "domain", "data", "nowhere.example"));
        assertThat(valid.status()).isEqualTo(404);
        assertThat(valid.json().get("message").asString()).isEqualTo("Case ~987654321 not found");
        assertThat(admin.post(missing, Map.of("dataType", "colour", "data", "x")).status()).isEqualTo(404);
        assertThat(admin.post(missing, Map.of("dataType", "ip", "data", "not-an-ip")).status()).isEqualTo(404);
        assertThat(admin.post("/api/v1/case/987654321/observable", Map.of("dataType", "domain", "data", "nowhere.example")).status())
                .isEqualTo(404);
    }

    @Test
    void anotherOrganisationsCaseIsNotFoundAndKeepsNothing() {
        TestApi red = newUser("red-observables", "analyst");
        TestApi blue = newUser("blue-observables", "analyst");
        String redCase = createCase(red, unique("red"));
        var r = blue.post("/api/v1/case/" + redCase + "/observable", Map.of("dataType", "domain", "data", "intruder.example"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(red.get("/api/v1/case/" + redCase + "/observables").json().size()).isZero();
    }

    @Test
    void addsByCaseNumberToo() {
        String caseId = createCase(admin, unique("by-number"));
        long number = admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
        var r = admin.post("/api/v1/case/" + number + "/observable", Map.of("dataType", "domain", "data", "numbered.example"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get(0).get("caseId").asString()).isEqualTo(caseId);
    }

    @Test
    void auditsEachCreationWithTheObservableAsAnswered() {
        String caseId = createCase(admin, unique("audit"));
        var created = admin.post("/api/v1/case/" + caseId + "/observable",
                Map.of("dataType", "domain", "data", "audited.example", "tags", List.of("b", "a"), "message", "quote \" and ñ"));
        assertThat(created.status()).isEqualTo(201);
        var answered = created.json().get(0);
        String id = answered.get("_id").asString();
        var entries = admin.get("/api/v1/audit?entity=observable&entityId=" + id).json();
        assertThat(entries.size()).isEqualTo(1);
        assertThat(entries.get(0).get("action").asString()).isEqualTo("create");
        assertThat(entries.get(0).get("before").isNull()).isTrue();
        assertThat(entries.get(0).get("after")).isEqualTo(answered);
        var tags = admin.get("/api/v1/observable/" + id).json().get("tags");
        assertThat(tags.size()).isEqualTo(2);
    }

    @Test
    void aListWithADuplicateOfAnExistingValueKeepsTheOthers() {
        String caseId = createCase(admin, unique("mixed"));
        admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", "domain", "data", "known.example"));
        var r = admin.post("/api/v1/case/" + caseId + "/observable",
                Map.of("dataType", "domain", "data", List.of("fresh.example", "known.example", "fresh.example")));
        // the existing value is answered as it stands; the repeat within the request is refused
        assertThat(r.status()).isEqualTo(207);
        assertThat(r.json().get("success").size()).isEqualTo(2);
        assertThat(r.json().get("failure").get(0).get("message").asString()).isEqualTo("Observable already exists: domain fresh.example");
        assertThat(admin.get("/api/v1/case/" + caseId + "/observables").json().size()).isEqualTo(2);
    }

    @Test
    void replacesTagsOnUpdate() {
        String caseId = createCase(admin, unique("retag"));
        var o = admin.post("/api/v1/case/" + caseId + "/observable",
                Map.of("dataType", "other", "data", "retagged", "tags", List.of("keep", "drop"))).json().get(0);
        String id = o.get("_id").asString();
        var updated = admin.patch("/api/v1/observable/" + id, Map.of("tags", List.of("keep", "new", "keep", " new ")));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/observable/" + id).json().get("tags").toString()).isEqualTo("[\"keep\",\"new\"]");
    }

    static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
