package io.sightline.server.observables;

import io.sightline.server.support.HubTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bulk PATCH of observables and a change of data type; on H2 and PostgreSQL. */
abstract class ObservableBulkContract extends HubTest {

    private String observable(String caseId, String dataType, String data) {
        var r = admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", dataType, "data", data));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get(0).get("_id").asString();
    }

    @Test
    void bulkUpdateChangesEveryListedObservableAndAuditsEach() {
        String caseId = createCase(admin, unique("obs-bulk"));
        String a = observable(caseId, "domain", "a.example");
        String b = observable(caseId, "ip", "203.0.113.1");
        var r = admin.patch("/api/v1/observable/_bulk", Map.of("ids", List.of(a, b), "dataType", "other",
                "message", "triaged", "ioc", true));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        for (String id : List.of(a, b)) {
            var o = admin.get("/api/v1/observable/" + id).json();
            assertThat(o.get("dataType").asString()).isEqualTo("other");
            assertThat(o.get("message").asString()).isEqualTo("triaged");
            assertThat(o.get("ioc").asBoolean()).isTrue();
            var audit = admin.get("/api/v1/audit?entity=observable&entityId=" + id).json();
            assertThat(audit.get(0).get("before").get("dataType").asString()).isNotEqualTo("other");
            assertThat(audit.get(0).get("after").get("dataType").asString()).isEqualTo("other");
        }
    }

    @Test
    void aValueThatDoesNotFitTheNewTypeChangesNoObservable() {
        String caseId = createCase(admin, unique("obs-retype"));
        String domain = observable(caseId, "domain", "b.example");
        String ip = observable(caseId, "ip", "203.0.113.2");
        var r = admin.patch("/api/v1/observable/_bulk", Map.of("ids", List.of(domain, ip), "dataType", "ip", "message", "x"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asString()).contains("Invalid ip observable 'b.example'");
        assertThat(admin.get("/api/v1/observable/" + domain).json().get("dataType").asString()).isEqualTo("domain");
        assertThat(admin.get("/api/v1/observable/" + ip).json().has("message")).isFalse();
    }

    @Test
    void retypingOntoAValueTheCaseAlreadyHoldsIsAConflict() {
        String caseId = createCase(admin, unique("obs-dup"));
        observable(caseId, "fqdn", "c.example");
        String domain = observable(caseId, "domain", "c.example");
        var r = admin.patch("/api/v1/observable/" + domain, Map.of("dataType", "fqdn"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asString()).isEqualTo("Observable already exists: fqdn c.example");
        var unknownType = admin.patch("/api/v1/observable/" + domain, Map.of("dataType", "colour"));
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.json().get("message").asString()).startsWith("Unknown dataType 'colour'");
        var single = admin.patch("/api/v1/observable/" + domain, Map.of("dataType", "hostname"));
        assertThat(single.status()).as(single.toString()).isEqualTo(200);
        assertThat(single.json().get("dataType").asString()).isEqualTo("hostname");
        assertThat(single.json().get("data").asString()).isEqualTo("c.example");
    }

    @Test
    void bulkUpdateNeedsIdsAndStaysInTheOrganisation() {
        String caseId = createCase(admin, unique("obs-scope"));
        String mine = observable(caseId, "domain", "d.example");
        var noIds = admin.patch("/api/v1/observable/_bulk", Map.of("message", "x"));
        assertThat(noIds.status()).isEqualTo(400);
        assertThat(noIds.json().get("message").asString()).isEqualTo("Field ids of observable is required");
        var other = newUser(unique("obs-org"), "org-admin");
        var foreign = other.patch("/api/v1/observable/_bulk", Map.of("ids", List.of(mine), "message", "taken"));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/observable/" + mine).json().has("message")).isFalse();
    }

    @Test
    void addingAValueAgainMergesTagsAndFlagsIntoTheExistingObservable() {
        String caseId = createCase(admin, unique("obs-merge"));
        var first = admin.post("/api/v1/case/" + caseId + "/observable",
                Map.of("dataType", "domain", "data", "merge.example", "tags", List.of("phishing"))).json().get(0);
        String id = first.get("_id").asString();
        var again = admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", "domain", "data", "merge.example",
                "tags", List.of("campaign-x", "phishing"), "ioc", true, "message", "seen in mail"));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        var merged = again.json().get(0);
        assertThat(merged.get("_id").asString()).isEqualTo(id);
        assertThat(merged.get("tags").toString()).contains("phishing", "campaign-x");
        assertThat(merged.get("tags").size()).isEqualTo(2);
        assertThat(merged.get("ioc").asBoolean()).isTrue();
        assertThat(merged.get("message").asString()).isEqualTo("seen in mail");
        var listed = admin.get("/api/v1/case/" + caseId + "/observables").json();
        assertThat(listed.size()).isEqualTo(1);
        assertThat(merged).isEqualTo(listed.get(0));
        var audit = admin.get("/api/v1/audit?entity=observable&entityId=" + id).json();
        assertThat(audit.get(0).get("action").asString()).isEqualTo("update");

        // a flag is never cleared by a repeat, and a repeat that changes nothing writes nothing
        var repeat = admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", "domain", "data", "merge.example"));
        assertThat(repeat.json().get(0).get("ioc").asBoolean()).isTrue();
        assertThat(admin.get("/api/v1/audit?entity=observable&entityId=" + id).json().size()).isEqualTo(audit.size());
    }

    @Test
    void theAnswerToACreationEqualsTheObservableListed() {
        String alertId = admin.post("/api/v1/alert", Map.of("type", "t", "source", "s", "sourceRef", unique("ref"),
                "title", "t", "description", "d")).json().get("_id").asString();
        var created = admin.post("/api/v1/alert/" + alertId + "/observable", Map.of("dataType", "domain", "data", "same.example"));
        assertThat(created.status()).isEqualTo(201);
        var o = created.json().get(0);
        assertThat(o).isEqualTo(admin.get("/api/v1/alert/" + alertId + "/observables").json().get(0));
        var found = admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "getObservable", "idOrName", o.get("_id").asString()))));
        assertThat(found.json().get(0)).isEqualTo(o);
    }
}
