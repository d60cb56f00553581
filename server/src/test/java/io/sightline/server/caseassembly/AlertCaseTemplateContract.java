package io.sightline.server.caseassembly;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.HubTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An alert naming a case template, and promotion making the case from it (or from the one the
 * promotion names); an alert's custom field values, carried to its case.
 */
abstract class AlertCaseTemplateContract extends HubTest {

    private static Map<String, Object> alert(String ref, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(Map.of("type", "external", "source", "test", "sourceRef", ref,
                "title", "Suspicious mail " + ref, "description", "seen"));
        body.putAll(more);
        return body;
    }

    private String template(String prefix, String task) {
        String name = unique("alert-tpl");
        var r = admin.post("/api/v1/caseTemplate", Map.of("name", name, "titlePrefix", prefix, "severity", 4,
                "tags", List.of("from-template"), "tasks", List.of(Map.of("title", task))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return name;
    }

    private List<String> taskTitles(String caseId) {
        List<String> out = new ArrayList<>();
        for (var t : admin.get("/api/v1/case/" + caseId + "/task").json()) out.add(t.get("title").asString());
        return out;
    }

    @Test
    void anAlertKeepsItsTemplateAndItsPromotionUsesIt() {
        String template = template("[ALERT]", "Triage the mail");
        var created = admin.post("/api/v1/alert", alert(unique("kept"), Map.of("caseTemplate", template)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String alertId = created.json().get("_id").asString();
        assertThat(created.json().get("caseTemplate").asString()).isEqualTo(template);
        assertThat(admin.get("/api/v1/alert/" + alertId).json().get("caseTemplate").asString()).isEqualTo(template);

        var promoted = admin.post("/api/v1/alert/" + alertId + "/case", Map.of());
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(201);
        var c = promoted.json();
        assertThat(c.get("title").asString()).startsWith("[ALERT] Suspicious mail");
        assertThat(c.get("severity").asInt()).isEqualTo(2); // the alert's own severity wins over the template's
        assertThat(c.get("tags").toString()).contains("from-template");
        assertThat(taskTitles(c.get("_id").asString())).containsExactly("Triage the mail");
    }

    @Test
    void aPromotionNamingATemplateUsesItWithItsTasks() {
        String kept = template("[KEPT]", "Kept task");
        String chosen = template("[CHOSEN]", "Chosen task");
        String alertId = admin.post("/api/v1/alert", alert(unique("chosen"), Map.of("caseTemplate", kept))).json()
                .get("_id").asString();
        var promoted = admin.post("/api/v1/alert/" + alertId + "/case", Map.of("caseTemplate", chosen,
                "tasks", List.of(Map.of("title", "Extra"))));
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(201);
        assertThat(promoted.json().get("title").asString()).startsWith("[CHOSEN] ");
        assertThat(taskTitles(promoted.json().get("_id").asString())).containsExactlyInAnyOrder("Chosen task", "Extra");
    }

    @Test
    void anUnknownTemplateIsKeptByNameAndItsPromotionIsRefusedWithNothingWritten() {
        // TheHive 5 keeps the name an alert gives; the template is needed only when a case is made
        var kept = admin.post("/api/v1/alert", alert(unique("unknown"), Map.of("caseTemplate", "no such template")));
        assertThat(kept.status()).as(kept.toString()).isEqualTo(201);
        assertThat(kept.json().get("caseTemplate").asString()).isEqualTo("no such template");
        String keptId = kept.json().get("_id").asString();
        var fromKept = admin.post("/api/v1/alert/" + keptId + "/case", Map.of());
        assertThat(fromKept.status()).isEqualTo(404);
        assertThat(fromKept.json().get("message").asString()).contains("no such template");
        assertThat(admin.get("/api/v1/alert/" + keptId).json().get("status").asString()).isEqualTo("New");
        var tooLong = admin.post("/api/v1/alert", alert(unique("long"), Map.of("caseTemplate", "x".repeat(129))));
        assertThat(tooLong.status()).isEqualTo(400);

        String alertId = admin.post("/api/v1/alert", alert(unique("promote-refused"), Map.of())).json().get("_id").asString();
        var promoted = admin.post("/api/v1/alert/" + alertId + "/case", Map.of("caseTemplate", "no such template"));
        assertThat(promoted.status()).isEqualTo(404);
        var a = admin.get("/api/v1/alert/" + alertId).json();
        assertThat(a.get("status").asString()).isEqualTo("New");
        assertThat(a.has("caseId")).isFalse();
    }

    @Test
    void anAlertsCustomFieldValuesAreShownUpdatedAndCarriedToItsCase() {
        String unit = unique("unit").replaceAll("[^A-Za-z0-9]", "");
        assertThat(admin.post("/api/v1/customField", Map.of("name", unit, "group", "default", "description", "",
                "type", "string")).status()).isEqualTo(201);
        String ref = unique("cf-alert");
        var refused = admin.post("/api/v1/alert", alert(ref, Map.of("customFields", Map.of("noSuch" + unit, "x"))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("message").asString()).startsWith("Unknown custom field");

        var created = admin.post("/api/v1/alert", alert(ref, Map.of("customFields", List.of(Map.of("name", unit, "value", "Sales")))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("_id").asString();
        assertThat(created.json().get("customFields").get(0).get("value").asString()).isEqualTo("Sales");

        var patched = admin.patch("/api/v1/alert/" + id, Map.of("customFields", Map.of(unit, "HR")));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(admin.get("/api/v1/alert/" + id).json().get("customFields").get(0).get("value").asString()).isEqualTo("HR");
        var listed = admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "listAlert"),
                Map.of("_name", "filter", "_eq", Map.of("_field", "sourceRef", "_value", ref))))).json();
        assertThat(listed.get(0).get("customFields").get(0).get("value").asString()).isEqualTo("HR");

        var c = admin.post("/api/v1/alert/" + id + "/case", Map.of()).json();
        assertThat(c.get("customFields").get(0).get("name").asString()).isEqualTo(unit);
        assertThat(c.get("customFields").get(0).get("value").asString()).isEqualTo("HR");
    }
}
