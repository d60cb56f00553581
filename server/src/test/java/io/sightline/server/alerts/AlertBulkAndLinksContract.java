package io.sightline.server.alerts;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bulk update and delete of alerts, follow, import, bulk merge and unlink; on H2 and PostgreSQL. */
abstract class AlertBulkAndLinksContract extends HubTest {

    private String alert(TestApi api, String ip) {
        var r = api.post("/api/v1/alert", Map.of("type", "external", "source", "siem", "sourceRef", unique("ref"),
                "title", "Original title", "description", "Original description",
                "observables", List.of(Map.of("dataType", "ip", "data", ip))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("_id").asString();
    }

    private String title(String alertId) {
        return admin.get("/api/v1/alert/" + alertId).json().get("title").asString();
    }

    @Test
    void bulkUpdateChangesEveryListedAlertAndAuditsEach() {
        String a = alert(admin, "198.51.100.1");
        String b = alert(admin, "198.51.100.2");
        var r = admin.patch("/api/v1/alert/_bulk", Map.of("ids", List.of(a, b), "title", "Triaged", "severity", 1));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        for (String id : List.of(a, b)) {
            var after = admin.get("/api/v1/alert/" + id).json();
            assertThat(after.get("title").asString()).isEqualTo("Triaged");
            assertThat(after.get("severity").asInt()).isEqualTo(1);
            var audit = admin.get("/api/v1/audit?entity=alert&entityId=" + id).json();
            assertThat(audit.get(0).get("action").asString()).isEqualTo("update");
            assertThat(audit.get(0).get("after").get("title").asString()).isEqualTo("Triaged");
        }
    }

    @Test
    void bulkUpdateWithOneUnknownOrForeignIdChangesNothing() {
        String mine = alert(admin, "198.51.100.3");
        String theirs = alert(newUser(unique("other-org"), "org-admin"), "198.51.100.4");
        var r = admin.patch("/api/v1/alert/_bulk", Map.of("ids", List.of(mine, theirs), "title", "Triaged"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("message").asString()).isEqualTo("Alert " + theirs + " not found");
        assertThat(title(mine)).isEqualTo("Original title");
    }

    @Test
    void bulkUpdateRefusesBadInputPrecisely() {
        String a = alert(admin, "198.51.100.5");
        var noIds = admin.patch("/api/v1/alert/_bulk", Map.of("title", "x"));
        assertThat(noIds.status()).isEqualTo(400);
        assertThat(noIds.json().get("message").asString()).isEqualTo("Field ids of alert is required");
        var empty = admin.patch("/api/v1/alert/_bulk", Map.of("ids", List.of(), "title", "x"));
        assertThat(empty.json().get("message").asString()).isEqualTo("Field ids must list at least one alert");
        var unknown = admin.patch("/api/v1/alert/_bulk", Map.of("ids", List.of(a), "colour", "red"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("message").asString()).contains("Unknown field colour");
        var badSeverity = admin.patch("/api/v1/alert/_bulk", Map.of("ids", List.of(a), "severity", 9));
        assertThat(badSeverity.status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/alert/" + a).json().get("severity").asInt()).isEqualTo(2);
    }

    @Test
    void bulkDeleteRemovesAllOrNone() {
        String a = alert(admin, "198.51.100.6");
        String b = alert(admin, "198.51.100.7");
        var refused = admin.post("/api/v1/alert/delete/_bulk", Map.of("ids", List.of(a, "~999999999")));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/alert/" + a).status()).isEqualTo(200);
        var r = admin.post("/api/v1/alert/delete/_bulk", Map.of("ids", List.of(a, b)));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        assertThat(admin.get("/api/v1/alert/" + a).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/alert/" + b).status()).isEqualTo(404);
        var audit = admin.get("/api/v1/audit?entity=alert&entityId=" + b).json();
        assertThat(audit.get(0).get("action").asString()).isEqualTo("delete");
    }

    @Test
    void followAndUnfollowAnswerTheAlert() {
        String a = alert(admin, "198.51.100.8");
        var off = admin.post("/api/v1/alert/" + a + "/unfollow", Map.of());
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(off.json().get("follow").asBoolean()).isFalse();
        assertThat(admin.get("/api/v1/alert/" + a).json().get("follow").asBoolean()).isFalse();
        var on = admin.post("/api/v1/alert/" + a + "/follow", Map.of());
        assertThat(on.json().get("follow").asBoolean()).isTrue();
        assertThat(admin.post("/api/v1/alert/~999999999/follow", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void importLinksTheAlertAndCopiesObservablesWithoutTouchingTheDescription() {
        String caseId = createCase(admin, unique("import-target"));
        String a = alert(admin, "198.51.100.9");
        var r = admin.post("/api/v1/alert/" + a + "/import/" + caseId, Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("_id").asString()).isEqualTo(caseId);
        assertThat(r.json().get("description").asString()).isEqualTo("test case");
        var after = admin.get("/api/v1/alert/" + a).json();
        assertThat(after.get("caseId").asString()).isEqualTo(caseId);
        assertThat(after.get("status").asString()).isEqualTo("Imported");
        var observables = admin.get("/api/v1/case/" + caseId + "/observables").json();
        assertThat(observables.size()).isEqualTo(1);
        assertThat(observables.get(0).get("data").asString()).isEqualTo("198.51.100.9");
        assertThat(admin.post("/api/v1/alert/" + a + "/import/" + caseId, Map.of()).status()).isEqualTo(400);
    }

    @Test
    void bulkMergeLinksEveryAlertToTheCase() {
        String caseId = createCase(admin, unique("bulk-merge"));
        String a = alert(admin, "198.51.100.10");
        String b = alert(admin, "198.51.100.11");
        var r = admin.post("/api/v1/alert/merge/_bulk", Map.of("caseId", caseId, "alertIds", List.of(a, b)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("_id").asString()).isEqualTo(caseId);
        for (String id : List.of(a, b)) {
            assertThat(admin.get("/api/v1/alert/" + id).json().get("caseId").asString()).isEqualTo(caseId);
        }
        assertThat(admin.get("/api/v1/case/" + caseId + "/observables").json().size()).isEqualTo(2);
        var missingCase = admin.post("/api/v1/alert/merge/_bulk", Map.of("alertIds", List.of(a)));
        assertThat(missingCase.status()).isEqualTo(400);
        assertThat(missingCase.json().get("message").asString()).isEqualTo("Field caseId of alert merge is required");
    }

    @Test
    void bulkMergeWithOneAlreadyImportedAlertMergesNone() {
        String caseId = createCase(admin, unique("bulk-merge-none"));
        String imported = alert(admin, "198.51.100.12");
        admin.post("/api/v1/alert/" + imported + "/case", Map.of());
        String fresh = alert(admin, "198.51.100.13");
        var r = admin.post("/api/v1/alert/merge/_bulk", Map.of("caseId", caseId, "alertIds", List.of(fresh, imported)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/alert/" + fresh).json().has("caseId")).isFalse();
        assertThat(admin.get("/api/v1/case/" + caseId + "/observables").json().size()).isZero();
    }

    @Test
    void unlinkTakesTheAlertOutOfItsCase() {
        String caseId = createCase(admin, unique("unlink"));
        String otherCase = createCase(admin, unique("unlink-other"));
        String a = alert(admin, "198.51.100.14");
        admin.post("/api/v1/alert/" + a + "/merge/" + caseId, Map.of());
        var wrongCase = admin.delete("/api/v1/case/" + otherCase + "/alert/" + a);
        assertThat(wrongCase.status()).isEqualTo(404);
        assertThat(wrongCase.json().get("message").asString()).isEqualTo("Alert " + a + " is not linked to case " + otherCase);
        var r = admin.delete("/api/v1/case/" + caseId + "/alert/" + a);
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        var after = admin.get("/api/v1/alert/" + a).json();
        assertThat(after.has("caseId")).isFalse();
        assertThat(after.get("status").asString()).isEqualTo("New");
        assertThat(admin.get("/api/v1/case/" + caseId + "/observables").json().size()).isEqualTo(1);
        var audit = admin.get("/api/v1/audit?entity=alert&entityId=" + a).json();
        assertThat(audit.get(0).get("before").get("caseId").asString()).isEqualTo(caseId);
    }

    @Test
    void anotherOrganisationCannotTouchTheAlerts() {
        String a = alert(admin, "198.51.100.15");
        TestApi other = newUser(unique("foreign"), "org-admin");
        assertThat(other.patch("/api/v1/alert/_bulk", Map.of("ids", List.of(a), "title", "x")).status()).isEqualTo(404);
        assertThat(other.post("/api/v1/alert/delete/_bulk", Map.of("ids", List.of(a))).status()).isEqualTo(404);
        assertThat(other.post("/api/v1/alert/" + a + "/unfollow", Map.of()).status()).isEqualTo(404);
        assertThat(title(a)).isEqualTo("Original title");
    }
}
