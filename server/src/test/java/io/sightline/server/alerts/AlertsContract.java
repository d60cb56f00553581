package io.sightline.server.alerts;

import io.sightline.server.support.HubTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Alerts with inline observables, uniqueness, promotion and merge; on H2 and PostgreSQL. */
abstract class AlertsContract extends HubTest {

    private Map<String, Object> alert(String sourceRef) {
        return Map.of("type", "external", "source", "siem", "sourceRef", sourceRef, "title", "Suspicious login " + sourceRef,
                "description", "Several failures", "severity", 3, "tags", List.of("auth"),
                "observables", List.of(Map.of("dataType", "ip", "data", "198.51.100.7", "ioc", true),
                        Map.of("dataType", "domain", "data", List.of("a.example", "b.example"))));
    }

    @Test
    void createsAnAlertWithItsObservables() {
        String ref = unique("ref");
        var r = admin.post("/api/v1/alert", alert(ref));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        var a = r.json();
        assertThat(a.get("_type").asString()).isEqualTo("Alert");
        assertThat(a.get("status").asString()).isEqualTo("New");
        assertThat(a.get("observableCount").asInt()).isEqualTo(3);
        var observables = admin.get("/api/v1/alert/" + a.get("_id").asString() + "/observables").json();
        assertThat(observables.size()).isEqualTo(3);
        // as TheHive: the answer is the alert as created; adding its observables was its first update
        assertThat(a.has("_updatedAt")).isFalse();
        var read = admin.get("/api/v1/alert/" + a.get("_id").asString()).json();
        assertThat(read.get("_updatedBy").asString()).isEqualTo("admin");
        assertThat(read.get("_updatedAt").asLong()).isGreaterThanOrEqualTo(a.get("_createdAt").asLong());
        var withoutUpdate = (tools.jackson.databind.node.ObjectNode) read.deepCopy();
        withoutUpdate.remove("_updatedAt");
        withoutUpdate.remove("_updatedBy");
        assertThat(withoutUpdate).isEqualTo(a);
    }

    @Test
    void anAlertWithoutObservablesIsNotUpdatedByItsCreation() {
        var r = admin.post("/api/v1/alert", Map.of("type", "external", "source", "siem", "sourceRef", unique("bare"),
                "title", "t", "description", "d"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(admin.get("/api/v1/alert/" + r.json().get("_id").asString()).json().has("_updatedAt")).isFalse();
    }

    @Test
    void refusesADuplicateTypeSourceSourceRef() {
        String ref = unique("dup");
        assertThat(admin.post("/api/v1/alert", alert(ref)).status()).isEqualTo(201);
        var again = admin.post("/api/v1/alert", alert(ref));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("type").asString()).isEqualTo("CreateError");
        assertThat(again.json().get("message").asString()).isEqualTo("Alert external:siem:" + ref + " already exist in organisation admin");
    }

    @Test
    void anInvalidInlineObservableCreatesNothing() {
        String ref = unique("bad");
        var body = Map.of("type", "external", "source", "siem", "sourceRef", ref, "title", "t", "description", "d",
                "observables", List.of(Map.of("dataType", "ip", "data", "nope")));
        var r = admin.post("/api/v1/alert", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asString()).contains("Invalid ip observable 'nope'");
        var count = admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "listAlert"),
                Map.of("_name", "filter", "_eq", Map.of("_field", "sourceRef", "_value", ref)), Map.of("_name", "count"))));
        assertThat(count.body()).isEqualTo("0");
    }

    @Test
    void promotesAnAlertToACaseWithItsObservables() {
        var a = admin.post("/api/v1/alert", alert(unique("promote"))).json();
        String alertId = a.get("_id").asString();
        var promoted = admin.post("/api/v1/alert/" + alertId + "/case", Map.of());
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(201);
        var c = promoted.json();
        assertThat(c.get("title").asString()).isEqualTo(a.get("title").asString());
        assertThat(c.get("severity").asInt()).isEqualTo(3);
        var observables = admin.get("/api/v1/case/" + c.get("_id").asString() + "/observables").json();
        assertThat(observables.size()).isEqualTo(3);
        var after = admin.get("/api/v1/alert/" + alertId).json();
        assertThat(after.get("status").asString()).isEqualTo("Imported");
        assertThat(after.get("caseId").asString()).isEqualTo(c.get("_id").asString());
        assertThat(admin.post("/api/v1/alert/" + alertId + "/case", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void mergesAnAlertIntoAnExistingCaseWithoutDuplicatingObservables() {
        String caseId = createCase(admin, unique("merge-target"));
        admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", "ip", "data", "198.51.100.7"));
        var a = admin.post("/api/v1/alert", alert(unique("merge"))).json();
        var merged = admin.post("/api/v1/alert/" + a.get("_id").asString() + "/merge/" + caseId, Map.of());
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(merged.json().get("description").asString()).contains("Merged with alert");
        var observables = admin.get("/api/v1/case/" + caseId + "/observables").json();
        assertThat(observables.size()).isEqualTo(3);
    }

    @Test
    void changesStatusAndRejectsUnknownOnes() {
        String id = admin.post("/api/v1/alert", alert(unique("status"))).json().get("_id").asString();
        assertThat(admin.patch("/api/v1/alert/" + id, Map.of("status", "Ignored")).json().get("status").asString()).isEqualTo("Ignored");
        var bad = admin.patch("/api/v1/alert/" + id, Map.of("status", "Whatever"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("message").asString()).contains("Unknown alert status");
    }
}
