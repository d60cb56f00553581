package io.sightline.server.observables;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Similarity over TheHive 5's routes: the cases sharing a case's values, the similar observables of a
 * case or alert and another one, and merging a case's similar observables; run on H2 and on PostgreSQL.
 */
abstract class SimilarObservablesContract extends HubTest {

    @Test
    void linkedCasesAreTheOtherCasesSharingValuesMostSharedFirst() {
        String domain = unique("shared") + ".example";
        String caseId = createCase(admin, unique("origin"));
        String sharedDomainId = observable(admin, "/api/v1/case/" + caseId, "domain", domain);
        String sharedIpId = observable(admin, "/api/v1/case/" + caseId, "ip", "10.9.8.7");
        observable(admin, "/api/v1/case/" + caseId, "domain", unique("own") + ".example");
        String one = createCase(admin, unique("one-value"));
        observable(admin, "/api/v1/case/" + one, "domain", domain);
        String both = createCase(admin, unique("both-values"));
        observable(admin, "/api/v1/case/" + both, "domain", domain);
        observable(admin, "/api/v1/case/" + both, "ip", "10.9.8.7");
        // the same value under another type, and one the analyst asked to leave out of similarity, link nothing
        String otherType = createCase(admin, unique("other-type"));
        observable(admin, "/api/v1/case/" + otherType, "fqdn", domain);
        String ignored = createCase(admin, unique("ignored"));
        admin.post("/api/v1/case/" + ignored + "/observable", Map.of("dataType", "domain", "data", domain, "ignoreSimilarity", true));
        // nor does a case of another organisation
        TestApi outsider = newUser(unique("similar-org"), "analyst");
        observable(outsider, "/api/v1/case/" + createCase(outsider, unique("theirs")), "domain", domain);

        var r = admin.get("/api/v1/case/" + caseId + "/links");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode linked = r.json();
        assertThat(ids(linked)).containsExactly(both, one);
        assertThat(linked.get(0).get("_type").asString()).isEqualTo("Case");
        assertThat(linked.get(0).get("linksCount").asInt()).isEqualTo(2);
        assertThat(ids(linked.get(0).get("linkedWith"))).containsExactly(sharedDomainId, sharedIpId);
        assertThat(linked.get(0).get("linkedWith").get(0).get("caseId").asString()).isEqualTo(caseId);
        assertThat(linked.get(1).get("linksCount").asInt()).isEqualTo(1);
        assertThat(ids(linked.get(1).get("linkedWith"))).containsExactly(sharedDomainId);

        assertThat(ids(admin.get("/api/v1/case/" + one + "/links").json())).containsExactly(both, caseId);
        assertThat(outsider.get("/api/v1/case/" + caseId + "/links").status()).isEqualTo(404);
    }

    /**
     * Case and alert ids are counted apart, so "~7" may name both a case and an alert of the
     * organisation: the test runs in an organisation of its own and expects what the rule picks then
     * (a record of the base's own kind first, never the base itself).
     */
    @Test
    void similarObservablesAreThoseOfTheFirstWhoseValueTheOtherHolds() {
        TestApi analyst = newUser(unique("similar-analysts"), "analyst");
        String value = unique("similar") + ".example";
        String caseId = createCase(analyst, unique("base"));
        String sharedId = observable(analyst, "/api/v1/case/" + caseId, "domain", value);
        observable(analyst, "/api/v1/case/" + caseId, "ip", "10.1.1.1");
        String otherCase = createCase(analyst, unique("other"));
        observable(analyst, "/api/v1/case/" + otherCase, "domain", value);
        String unrelated = createCase(analyst, unique("unrelated"));
        String alertId = alert(analyst);
        String alertSharedId = observable(analyst, "/api/v1/alert/" + alertId, "domain", value);
        String otherAlert = alert(analyst);
        observable(analyst, "/api/v1/alert/" + otherAlert, "domain", value);
        long otherNumber = analyst.get("/api/v1/case/" + otherCase).json().get("number").asLong();

        JsonNode caseToCase = ok(analyst.get("/api/v1/case/" + caseId + "/similar/" + otherCase + "/observables"));
        assertThat(ids(caseToCase)).containsExactly(sharedId);
        assertThat(caseToCase.get(0).get("data").asString()).isEqualTo(value);
        assertThat(caseToCase.get(0).get("_type").asString()).isEqualTo("Observable");
        assertThat(ids(ok(analyst.get("/api/v1/case/" + caseId + "/similar/" + otherNumber + "/observables"))))
                .containsExactly(sharedId);
        assertThat(ok(analyst.get("/api/v1/case/" + caseId + "/similar/" + unrelated + "/observables")).size()).isZero();
        assertThat(ids(ok(analyst.get("/api/v1/alert/" + alertId + "/similar/" + otherAlert + "/observables"))))
                .containsExactly(alertSharedId);
        // across kinds: whichever record "~id" names here holds the value, but for the unrelated case
        assertThat(ids(ok(analyst.get("/api/v1/alert/" + alertId + "/similar/" + otherCase + "/observables"))))
                .containsExactly(alertSharedId);
        assertThat(ids(ok(analyst.get("/api/v1/case/" + caseId + "/similar/" + alertId + "/observables"))))
                .isEqualTo(alertId.equals(unrelated) ? List.of() : List.of(sharedId));
    }

    @Test
    void similarityStaysInTheOrganisation() {
        String value = unique("private") + ".example";
        TestApi ours = newUser(unique("similar-ours"), "analyst");
        String caseId = createCase(ours, unique("ours"));
        observable(ours, "/api/v1/case/" + caseId, "domain", value);
        TestApi outsider = newUser(unique("similar-outsiders"), "analyst");
        String theirs = createCase(outsider, unique("theirs"));
        observable(outsider, "/api/v1/case/" + theirs, "domain", value);
        String theirAlert = alert(outsider);

        // an organisation with one case and no alert: nothing else the ids could name there
        var toTheirs = ours.get("/api/v1/case/" + caseId + "/similar/" + theirs + "/observables");
        assertThat(toTheirs.status()).isEqualTo(404);
        assertThat(toTheirs.json().get("type").asString()).isEqualTo("NotFoundError");
        assertThat(ours.get("/api/v1/case/" + caseId + "/similar/" + theirAlert + "/observables").status()).isEqualTo(404);
        assertThat(outsider.get("/api/v1/case/" + caseId + "/similar/" + theirs + "/observables").status()).isEqualTo(404);
        assertThat(ours.get("/api/v1/alert/" + theirAlert + "/similar/" + caseId + "/observables").status()).isEqualTo(404);
        assertThat(ours.get("/api/v1/case/" + caseId + "/similar/~999999999/observables").status()).isEqualTo(404);
        assertThat(ours.get("/api/v1/case/" + caseId + "/similar/not-an-id/observables").status()).isEqualTo(404);
        assertThat(ours.get("/api/v1/case/" + caseId + "/links").json().size()).isZero();
    }

    @Test
    void mergesValuesThatDifferOnlyInLetterCase() {
        String caseId = createCase(admin, unique("merge"));
        String base = unique("Evil") + ".Example";
        String keptId = observable(admin, "/api/v1/case/" + caseId, "domain", base);
        var second = admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", "domain",
                "data", base.toLowerCase(), "ioc", true, "tags", List.of("from-edr"), "tlp", 3));
        String duplicateId = second.json().get(0).get("_id").asString();
        var job = admin.post("/api/connector/cortex/job", Map.of("analyzerId", "Abuse_Finder_3_0", "cortexId", "nowhere",
                "artifactId", duplicateId));
        assertThat(job.status()).as(job.toString()).isEqualTo(201);
        observable(admin, "/api/v1/case/" + caseId, "ip", "10.2.2.2");
        // letter case matters for a file name or any free text: those are not merged
        observable(admin, "/api/v1/case/" + caseId, "filename", "Report.PDF");
        observable(admin, "/api/v1/case/" + caseId, "filename", "report.pdf");

        var r = admin.post("/api/v1/case/" + caseId + "/observable/_merge", Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("untouched").asInt()).isEqualTo(3);
        assertThat(r.json().get("updated").asInt()).isEqualTo(1);
        assertThat(r.json().get("deleted").asInt()).isEqualTo(1);

        JsonNode kept = admin.get("/api/v1/observable/" + keptId).json();
        assertThat(kept.get("data").asString()).isEqualTo(base);
        assertThat(kept.get("ioc").asBoolean()).isTrue();
        assertThat(kept.get("tlp").asInt()).isEqualTo(3);
        assertThat(kept.get("tags").toString()).contains("from-edr");
        assertThat(admin.get("/api/v1/observable/" + duplicateId).status()).isEqualTo(404);
        JsonNode jobs = admin.get("/api/connector/cortex/job?observableId=" + keptId).json();
        assertThat(jobs.size()).as("the absorbed observable's job follows the value").isEqualTo(1);
        assertThat(jobs.get(0).get("_id").asString()).isEqualTo(job.json().get("_id").asString());
        assertThat(admin.get("/api/v1/case/" + caseId + "/observables").json().size()).isEqualTo(4);
        JsonNode audit = admin.get("/api/v1/audit?entity=observable&entityId=" + duplicateId).json();
        assertThat(audit.get(0).get("action").asString()).isEqualTo("delete");

        var again = admin.post("/api/v1/case/" + caseId + "/observable/_merge", Map.of()).json();
        assertThat(again.get("untouched").asInt()).isEqualTo(4);
        assertThat(again.get("updated").asInt()).isZero();
        assertThat(again.get("deleted").asInt()).isZero();
    }

    @Test
    void mergingNeedsTheRightToManageObservablesInTheCaseOrganisation() {
        String org = unique("merge-org");
        TestApi analyst = newUser(org, "analyst");
        TestApi reader = newUser(org, "read-only");
        String caseId = createCase(analyst, unique("guarded"));
        observable(analyst, "/api/v1/case/" + caseId, "domain", "A.example");
        observable(analyst, "/api/v1/case/" + caseId, "domain", "a.example");

        assertThat(reader.post("/api/v1/case/" + caseId + "/observable/_merge", Map.of()).status()).isEqualTo(403);
        assertThat(admin.post("/api/v1/case/" + caseId + "/observable/_merge", Map.of()).status()).isEqualTo(404);
        assertThat(analyst.get("/api/v1/case/" + caseId + "/observables").json().size()).isEqualTo(2);
    }

    private static String observable(TestApi api, String owner, String dataType, String data) {
        var r = api.post(owner + "/observable", Map.of("dataType", dataType, "data", data));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get(0).get("_id").asString();
    }

    private String alert(TestApi api) {
        var r = api.post("/api/v1/alert", Map.of("type", "external", "source", "siem", "sourceRef", unique("ref"),
                "title", "similar alert", "description", "d"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("_id").asString();
    }

    private static JsonNode ok(TestApi.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static List<String> ids(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.get("_id").asString());
        return out;
    }
}
