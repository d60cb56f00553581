package io.sightline.server.alerts;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.audit.AuditSentences;
import io.sightline.server.auth.Principal;
import io.sightline.server.auth.Profile;
import io.sightline.server.common.BulkIds;
import io.sightline.server.core.Forbidden;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The alert list's bulk actions in the core service: one outcome per alert, a refused alert leaving
 * the others done, the organisation and permission rules of the single actions; on H2 and PostgreSQL.
 */
abstract class AlertBulkServiceContract extends HubTest {
    @Autowired
    AlertBulkService bulk;
    @Autowired
    AuditLog audit;
    @Autowired
    AuditSentences sentences;

    private Principal admin() {
        String orgId = admin.get("/api/v1/user/current").json().get("organisations").get(0).get("organisationId").asString().substring(1);
        return new Principal(1, "admin", "Administrator", Long.parseLong(orgId), "admin", Profile.ADMIN, null, false);
    }

    private String alert(TestApi api, String title) {
        var r = api.post("/api/v1/alert", Map.of("type", "external", "source", "siem", "sourceRef", unique("ref"),
                "title", title, "description", "d", "observables", List.of(Map.of("dataType", "domain", "data", unique("d") + ".example"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("_id").asString();
    }

    private String status(String alertId) {
        return admin.get("/api/v1/alert/" + alertId).json().get("status").asString();
    }

    @Test
    void eachAlertGetsItsOwnOutcomeAndARefusalLeavesTheOthersDone() {
        String fresh = alert(admin, "Fresh");
        String theirs = alert(newUser(unique("other-org"), "org-admin"), "Theirs");
        String caseId = createCase(admin, unique("target"));
        String imported = alert(admin, "Imported");
        assertThat(admin.post("/api/v1/alert/" + imported + "/merge/" + caseId, Map.of()).status()).isEqualTo(200);

        List<AlertOutcome> outcomes = bulk.apply(admin(), AlertBulkAction.IGNORE, new BulkIds("alert", List.of(fresh, theirs, imported, "~999999999")), null);
        assertThat(outcomes).extracting(AlertOutcome::alertId).containsExactly(fresh, theirs, imported, "~999999999");
        assertThat(outcomes).extracting(AlertOutcome::done).containsExactly(true, false, false, false);
        assertThat(outcomes.get(0)).isEqualTo(new AlertOutcome(fresh, "Fresh", true, "Ignored", null));
        assertThat(outcomes.get(1).message()).isEqualTo("Alert " + theirs + " not found");
        assertThat(outcomes.get(1).title()).as("nothing of another organisation is shown").isNull();
        assertThat(outcomes.get(2).message()).isEqualTo("Alert " + imported + " is already imported into a case");
        assertThat(status(fresh)).isEqualTo("Ignored");
        assertThat(status(imported)).isEqualTo("Imported");

        // the history reads the entry back in words, on either database
        var entries = audit.ofRecords(admin().orgId(), admin().userId(), Map.of("alert", List.of(fresh)), 10);
        assertThat(entries).extracting(AuditLog.Entry::action).containsExactly("update", "create");
        assertThat(sentences.of(entries.get(0), AuditSentences.Names.NONE).text()).isEqualTo("admin ignored the alert");
    }

    @Test
    void promotionMakesOneCaseEachAndMergeAndDeleteGoThroughTheSingleActions() {
        String a = alert(admin, "Promote A");
        String b = alert(admin, "Promote B");
        List<AlertOutcome> promoted = bulk.apply(admin(), AlertBulkAction.PROMOTE, new BulkIds("alert", List.of(a, b)), null);
        assertThat(promoted).allMatch(AlertOutcome::done);
        assertThat(promoted.get(0).caseNumber()).isNotEqualTo(promoted.get(1).caseNumber());
        assertThat(admin.get("/api/v1/case/" + promoted.get(0).caseNumber()).json().get("title").asString()).isEqualTo("Promote A");

        String caseId = createCase(admin, unique("merge target"));
        long number = admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
        String c = alert(admin, "Merge C");
        List<AlertOutcome> merged = bulk.apply(admin(), AlertBulkAction.MERGE, new BulkIds("alert", List.of(c, a)), "#" + number);
        assertThat(merged.get(0)).isEqualTo(new AlertOutcome(c, "Merge C", true, "Merged into case #" + number, number));
        assertThat(merged.get(1).done()).isFalse();
        assertThat(admin.get("/api/v1/alert/" + c).json().get("caseId").asString()).isEqualTo(caseId);

        String d = alert(admin, "Delete D");
        assertThat(bulk.apply(admin(), AlertBulkAction.DELETE, new BulkIds("alert", List.of(d)), null))
                .containsExactly(new AlertOutcome(d, "Delete D", true, "Deleted", null));
        assertThat(admin.get("/api/v1/alert/" + d).status()).isEqualTo(404);
    }

    @Test
    void aRefusedCallWritesNothing() {
        String a = alert(admin, "Untouched");
        TestApi outsider = newUser(unique("far-org"), "org-admin");
        String foreignCase = createCase(outsider, unique("their case"));
        BulkIds ids = new BulkIds("alert", List.of(a));

        assertThatThrownBy(() -> bulk.apply(admin(), AlertBulkAction.MERGE, ids, foreignCase)).isInstanceOf(NotFound.class)
                .hasMessageContaining(foreignCase);
        assertThatThrownBy(() -> bulk.apply(admin(), AlertBulkAction.MERGE, ids, " ")).isInstanceOf(Invalid.class)
                .hasMessage("Choose the case to merge the alerts into");
        Principal reader = new Principal(1, "reader", "Reader", admin().orgId(), "admin", Profile.READ_ONLY, null, false);
        assertThatThrownBy(() -> bulk.apply(reader, AlertBulkAction.DELETE, ids, null)).isInstanceOf(Forbidden.class);
        assertThat(status(a)).isEqualTo("New");
        assertThat(admin.get("/api/v1/alert/" + a).json().has("caseId")).isFalse();
        assertThat(outsider.get("/api/v1/case/" + foreignCase).json().get("description").asString()).isEqualTo("test case");
    }
}
