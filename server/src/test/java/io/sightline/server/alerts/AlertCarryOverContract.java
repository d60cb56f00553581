package io.sightline.server.alerts;

import io.sightline.server.common.Ids;
import io.sightline.server.customfields.CustomFieldInput;
import io.sightline.server.customfields.CustomFieldValues;
import io.sightline.server.customfields.RawValue;
import io.sightline.server.customfields.StoredValue;
import io.sightline.server.customfields.ValueOwner;
import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An alert's comments, procedures and custom field values go to the case it is imported into, by
 * promotion and by merge, as TheHive 5 moves them; run on H2 and on PostgreSQL.
 */
abstract class AlertCarryOverContract extends HubTest {
    @Autowired
    CustomFieldValues customFields;
    @Autowired
    TransactionTemplate transactions;

    private String alert(String title) {
        var r = admin.post("/api/v1/alert", Map.of("type", "external", "source", "siem", "sourceRef", unique("ref"),
                "title", title, "description", "d"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("_id").asString();
    }

    private JsonNode query(String entityStep, String id, String link) {
        var r = admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", entityStep, "idOrName", id),
                Map.of("_name", link))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static List<String> texts(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : list) out.add(n.get(field).asString());
        return out;
    }

    private long orgId() {
        return Ids.parse(admin.get("/api/v1/organisation/admin").json().get("_id").asString(), "Organisation");
    }

    private String field(String type) {
        String name = unique("cf").replace('-', '_');
        var r = admin.post("/api/v1/customField", Map.of("name", name, "displayName", name, "group", "default",
                "description", "...", "type", type));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return name;
    }

    private void setValues(ValueOwner owner, List<CustomFieldInput> inputs) {
        transactions.executeWithoutResult(s -> customFields.replace(owner, customFields.check(inputs)));
    }

    private Map<String, Object> values(ValueOwner.Kind kind, long id) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (StoredValue v : customFields.of(kind, id)) out.put(v.name(), v.value() == null ? null : v.value().json());
        return out;
    }

    @Test
    void promotionCarriesCommentsProceduresAndCustomFields() {
        String alertId = alert("phishing wave");
        assertThat(admin.post("/api/v1/alert/" + alertId + "/comment", Map.of("message", "first look: **benign?**")).status())
                .isEqualTo(201);
        String edited = admin.post("/api/v1/alert/" + alertId + "/comment", Map.of("message", "draft")).json().get("_id").asString();
        assertThat(admin.patch("/api/v1/comment/" + edited, Map.of("message", "not benign")).status()).isIn(200, 204);
        long occurred = 1_700_000_000_000L;
        assertThat(admin.post("/api/v1/alert/" + alertId + "/procedure",
                Map.of("occurDate", occurred, "patternId", "T1566", "tactic", "initial-access", "description", "mail")).status())
                .isEqualTo(201);
        String severityField = field("string");
        setValues(new ValueOwner(ValueOwner.Kind.ALERT, Ids.parse(alertId, "Alert"), orgId()),
                List.of(new CustomFieldInput(severityField, new RawValue.Text("high"), null)));

        var promoted = admin.post("/api/v1/alert/" + alertId + "/case", Map.of());
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(201);
        String caseId = promoted.json().get("_id").asString();

        JsonNode comments = query("getCase", caseId, "comments");
        assertThat(texts(comments, "message")).containsExactlyInAnyOrder("first look: **benign?**", "not benign");
        for (JsonNode c : comments) assertThat(c.get("createdBy").asString()).isEqualTo("admin");
        JsonNode procedures = query("getCase", caseId, "procedures");
        assertThat(procedures.size()).isEqualTo(1);
        assertThat(procedures.get(0).get("patternId").asString()).isEqualTo("T1566");
        assertThat(procedures.get(0).get("occurDate").asLong()).isEqualTo(occurred);
        assertThat(procedures.get(0).get("description").asString()).isEqualTo("mail");
        assertThat(values(ValueOwner.Kind.CASE, Ids.parse(caseId, "Case"))).containsExactly(Map.entry(severityField, "high"));

        assertThat(texts(query("getAlert", alertId, "comments"), "message")).as("the alert keeps its own").hasSize(2);
        assertThat(query("getAlert", alertId, "procedures").size()).isEqualTo(1);
        var audit = admin.get("/api/v1/audit?entity=comment&limit=2").json();
        assertThat(texts(audit, "action")).containsExactly("create", "create");
        assertThat(admin.get("/api/v1/audit?entity=procedure&limit=1").json().get(0).get("after").get("_id").asString())
                .isEqualTo(procedures.get(0).get("_id").asString());
    }

    @Test
    void mergeAddsWhatTheCaseLacksAndKeepsItsOwnValues() {
        String caseId = createCase(admin, unique("merge target"));
        long occurred = 1_700_000_000_000L;
        admin.post("/api/v1/case/" + caseId + "/procedure", Map.of("occurDate", occurred, "patternId", "T1566",
                "tactic", "initial-access"));
        String kept = field("string");
        String added = field("integer");
        setValues(new ValueOwner(ValueOwner.Kind.CASE, Ids.parse(caseId, "Case"), orgId()),
                List.of(new CustomFieldInput(kept, new RawValue.Text("case value"), null)));

        String alertId = alert("second wave");
        admin.post("/api/v1/alert/" + alertId + "/comment", Map.of("message", "same sender as before"));
        admin.post("/api/v1/alert/" + alertId + "/procedures", Map.of("procedures", List.of(
                Map.of("occurDate", occurred, "patternId", "T1566", "tactic", "initial-access"),
                Map.of("occurDate", occurred + 1000, "patternId", "T1059", "tactic", "execution"))));
        setValues(new ValueOwner(ValueOwner.Kind.ALERT, Ids.parse(alertId, "Alert"), orgId()),
                List.of(new CustomFieldInput(kept, new RawValue.Text("alert value"), null),
                        new CustomFieldInput(added, new RawValue.Number(new java.math.BigDecimal(7)), null)));

        assertThat(admin.post("/api/v1/alert/" + alertId + "/merge/" + caseId, Map.of()).status()).isEqualTo(200);

        assertThat(texts(query("getCase", caseId, "comments"), "message")).containsExactly("same sender as before");
        assertThat(texts(query("getCase", caseId, "procedures"), "patternId")).as("the same TTP is not doubled")
                .containsExactlyInAnyOrder("T1566", "T1059");
        assertThat(values(ValueOwner.Kind.CASE, Ids.parse(caseId, "Case")))
                .containsExactly(Map.entry(kept, "case value"), Map.entry(added, 7L));
        var caseAudit = admin.get("/api/v1/audit?entity=case&entityId=" + caseId + "&limit=5").json();
        boolean fieldsAudited = false;
        for (JsonNode e : caseAudit) fieldsAudited |= e.has("after") && e.get("after").has("customFields");
        assertThat(fieldsAudited).as("custom field values added to the case are audited: " + caseAudit).isTrue();
    }

    @Test
    void aRefusedMergeCarriesNothing() {
        TestApi other = newUser(unique("carry-other"), "analyst");
        String otherCase = createCase(other, unique("not yours"));
        String alertId = alert("stays put");
        admin.post("/api/v1/alert/" + alertId + "/comment", Map.of("message", "kept on the alert"));
        assertThat(admin.post("/api/v1/alert/" + alertId + "/merge/" + otherCase, Map.of()).status()).isEqualTo(404);
        assertThat(query("getAlert", alertId, "comments").size()).isEqualTo(1);
        var otherComments = other.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "getCase", "idOrName", otherCase),
                Map.of("_name", "comments"))));
        assertThat(otherComments.json().size()).isZero();
    }
}
