package io.sightline.server.procedures;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Procedures (TTPs) of cases and alerts over TheHive 5's routes; run on H2 and on PostgreSQL. */
abstract class ProceduresContract extends HubTest {
    private static final long OCCURRED = 1_700_000_000_000L;

    @Test
    void createsAProcedureInACaseWithThePatternsNameAndTacticLabel() {
        String caseId = createCase(admin, unique("ttp"));
        var r = admin.post("/api/v1/case/" + caseId + "/procedure",
                Map.of("occurDate", OCCURRED, "patternId", "T1059.006", "tactic", "execution", "description", "python dropper"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        var p = r.json();
        assertThat(p.get("_id").asString()).startsWith("~");
        assertThat(p.get("_type").asString()).isEqualTo("Procedure");
        assertThat(p.get("_createdBy").asString()).isEqualTo("admin");
        assertThat(p.get("_createdAt").asLong()).isGreaterThan(1_600_000_000_000L);
        assertThat(p.get("occurDate").asLong()).isEqualTo(OCCURRED);
        assertThat(p.get("patternId").asString()).isEqualTo("T1059.006");
        assertThat(p.get("patternName").asString()).isEqualTo("Python");
        assertThat(p.get("tactic").asString()).isEqualTo("execution");
        assertThat(p.get("tacticLabel").asString()).isEqualTo("Execution");
        assertThat(p.get("description").asString()).isEqualTo("python dropper");
        assertThat(p.get("extraData").isObject()).isTrue();

        assertThat(admin.get("/api/v1/procedure/" + p.get("_id").asString()).json()).isEqualTo(p);
        var patterns = admin.get("/api/v1/pattern/case/" + caseId).json();
        assertThat(patterns.size()).isEqualTo(1);
        assertThat(patterns.get(0).get("patternId").asString()).isEqualTo("T1059.006");

        var audited = admin.get("/api/v1/audit?entity=procedure&entityId=" + p.get("_id").asString()).json();
        assertThat(audited.get(0).get("action").asString()).isEqualTo("create");
        assertThat(audited.get(0).get("after")).isEqualTo(p);
    }

    @Test
    void acceptsATacticByItsLabelAndNoTacticAtAll() {
        String caseId = createCase(admin, unique("labels"));
        var labelled = admin.post("/api/v1/case/" + caseId + "/procedure",
                Map.of("occurDate", OCCURRED, "patternId", "t1071", "tactic", "Command and Control")).json();
        assertThat(labelled.get("patternId").asString()).isEqualTo("T1071");
        assertThat(labelled.get("tactic").asString()).isEqualTo("command-and-control");
        assertThat(labelled.get("tacticLabel").asString()).isEqualTo("Command and Control");
        var bare = admin.post("/api/v1/case/" + caseId + "/procedure", Map.of("occurDate", OCCURRED, "patternId", "T1059")).json();
        assertThat(bare.has("tactic")).isFalse();
        assertThat(bare.has("description")).isFalse();
    }

    @Test
    void bulkCreatesInCasesAndAlerts() {
        String caseId = createCase(admin, unique("bulk"));
        var two = List.of(Map.of("occurDate", OCCURRED, "patternId", "T1059.006", "tactic", "execution"),
                Map.of("occurDate", OCCURRED + 1, "patternId", "T1059.007", "tactic", "execution"));
        var inCase = admin.post("/api/v1/case/" + caseId + "/procedures", Map.of("procedures", two));
        assertThat(inCase.status()).as(inCase.toString()).isEqualTo(201);
        assertThat(inCase.json().size()).isEqualTo(2);
        assertThat(inCase.json().get(1).get("patternName").asString()).isEqualTo("JavaScript");

        String alertId = createAlert(admin);
        var one = admin.post("/api/v1/alert/" + alertId + "/procedure",
                Map.of("occurDate", OCCURRED, "patternId", "T1566", "tactic", "initial-access"));
        assertThat(one.status()).as(one.toString()).isEqualTo(201);
        assertThat(one.json().get("patternName").asString()).isEqualTo("Phishing");
        var inAlert = admin.post("/api/v1/alert/" + alertId + "/procedures", Map.of("procedures", two));
        assertThat(inAlert.status()).isEqualTo(201);
        assertThat(admin.get("/api/v1/procedure/" + inAlert.json().get(0).get("_id").asString()).status()).isEqualTo(200);
    }

    @Test
    void refusesAnUnknownPatternOrTacticWritingNothing() {
        String caseId = createCase(admin, unique("refused"));
        var unknown = admin.post("/api/v1/case/" + caseId + "/procedure", Map.of("occurDate", OCCURRED, "patternId", "T0000"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("type").asString()).isEqualTo("AttributeCheckingError");
        assertThat(unknown.json().get("message").asString()).contains("Unknown ATT&CK pattern T0000");

        var wrongTactic = admin.post("/api/v1/case/" + caseId + "/procedure",
                Map.of("occurDate", OCCURRED, "patternId", "T1059.006", "tactic", "exfiltration"));
        assertThat(wrongTactic.status()).isEqualTo(400);
        assertThat(wrongTactic.json().get("message").asString())
                .contains("exfiltration is not a tactic of T1059.006").contains("execution");

        // One bad procedure in a bulk creation keeps the good ones out too.
        var bulk = admin.post("/api/v1/case/" + caseId + "/procedures", Map.of("procedures", List.of(
                Map.of("occurDate", OCCURRED, "patternId", "T1059.006"), Map.of("occurDate", OCCURRED, "patternId", "T0001"))));
        assertThat(bulk.status()).isEqualTo(400);
        assertThat(bulk.json().get("message").asString()).contains("T0001");

        assertThat(admin.post("/api/v1/case/" + caseId + "/procedure", Map.of("patternId", "T1059")).json()
                .get("message").asString()).isEqualTo("Field occurDate of procedure is required");
        assertThat(admin.post("/api/v1/case/" + caseId + "/procedure", Map.of("occurDate", "yesterday", "patternId", "T1059"))
                .json().get("message").asString()).contains("occurDate").contains("epoch milliseconds");
        var unknownField = admin.post("/api/v1/case/" + caseId + "/procedure",
                Map.of("occurDate", OCCURRED, "patternId", "T1059", "technique", "x"));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("message").asString()).contains("Unknown field technique");
        assertThat(admin.get("/api/v1/pattern/case/" + caseId).json().size()).isZero();
    }

    @Test
    void updatesAProcedure() {
        String caseId = createCase(admin, unique("update"));
        String id = admin.post("/api/v1/case/" + caseId + "/procedure",
                Map.of("occurDate", OCCURRED, "patternId", "T1059.006", "tactic", "execution", "description", "...")).json()
                .get("_id").asString();
        var patched = admin.patch("/api/v1/procedure/" + id, Map.of("description", "updated procedure", "occurDate", OCCURRED + 5));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(204);
        var after = admin.get("/api/v1/procedure/" + id).json();
        assertThat(after.get("description").asString()).isEqualTo("updated procedure");
        assertThat(after.get("occurDate").asLong()).isEqualTo(OCCURRED + 5);
        assertThat(after.get("_updatedBy").asString()).isEqualTo("admin");
        assertThat(after.get("tactic").asString()).isEqualTo("execution");

        var otherTactic = admin.patch("/api/v1/procedure/" + id, Map.of("patternId", "T1566"));
        assertThat(otherTactic.status()).isEqualTo(400);
        assertThat(otherTactic.json().get("message").asString()).contains("give a tactic");
        assertThat(admin.patch("/api/v1/procedure/" + id, Map.of("patternId", "T1566", "tactic", "initial-access")).status())
                .isEqualTo(204);
        var moved = admin.get("/api/v1/procedure/" + id).json();
        assertThat(moved.get("patternName").asString()).isEqualTo("Phishing");
        assertThat(moved.get("tacticLabel").asString()).isEqualTo("Initial Access");
        var audited = admin.get("/api/v1/audit?entity=procedure&entityId=" + id).json();
        assertThat(audited.get(0).get("action").asString()).isEqualTo("update");
        assertThat(audited.get(0).get("before").get("patternId").asString()).isEqualTo("T1059.006");
        assertThat(audited.get(0).get("after").get("patternId").asString()).isEqualTo("T1566");
    }

    @Test
    void deletesOneOrManyAllOrNothing() {
        String caseId = createCase(admin, unique("delete"));
        var created = admin.post("/api/v1/case/" + caseId + "/procedures", Map.of("procedures", List.of(
                Map.of("occurDate", OCCURRED, "patternId", "T1059.006"), Map.of("occurDate", OCCURRED, "patternId", "T1059.007"),
                Map.of("occurDate", OCCURRED, "patternId", "T1566")))).json();
        String a = created.get(0).get("_id").asString();
        String b = created.get(1).get("_id").asString();
        String c = created.get(2).get("_id").asString();
        assertThat(admin.delete("/api/v1/procedure/" + a).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/procedure/" + a).status()).isEqualTo(404);
        assertThat(admin.delete("/api/v1/procedure/" + a).status()).isEqualTo(404);

        var partly = admin.post("/api/v1/procedure/delete/_bulk", Map.of("ids", List.of(b, a)));
        assertThat(partly.status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/procedure/" + b).status()).isEqualTo(200);

        assertThat(admin.post("/api/v1/procedure/delete/_bulk", Map.of("ids", List.of(b, c))).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/procedure/" + b).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/procedure/" + c).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/audit?entity=procedure&entityId=" + c).json().get(0).get("action").asString())
                .isEqualTo("delete");
        assertThat(admin.post("/api/v1/procedure/delete/_bulk", Map.of("ids", "~1")).status()).isEqualTo(400);
    }

    @Test
    void anotherOrganisationSeesAndChangesNothing() {
        TestApi red = newUser("red-procedures", "analyst");
        TestApi blue = newUser("blue-procedures", "analyst");
        String redCase = createCase(red, unique("red"));
        String redAlert = createAlert(red);
        String id = red.post("/api/v1/case/" + redCase + "/procedure", Map.of("occurDate", OCCURRED, "patternId", "T1059"))
                .json().get("_id").asString();

        assertThat(blue.post("/api/v1/case/" + redCase + "/procedure", Map.of("occurDate", OCCURRED, "patternId", "T1059"))
                .status()).isEqualTo(404);
        assertThat(blue.post("/api/v1/alert/" + redAlert + "/procedure", Map.of("occurDate", OCCURRED, "patternId", "T1059"))
                .status()).isEqualTo(404);
        assertThat(blue.get("/api/v1/procedure/" + id).status()).isEqualTo(404);
        assertThat(blue.patch("/api/v1/procedure/" + id, Map.of("description", "x")).status()).isEqualTo(404);
        assertThat(blue.delete("/api/v1/procedure/" + id).status()).isEqualTo(404);
        assertThat(blue.post("/api/v1/procedure/delete/_bulk", Map.of("ids", List.of(id))).status()).isEqualTo(404);
        assertThat(blue.get("/api/v1/pattern/case/" + redCase).status()).isEqualTo(404);
        var kept = red.get("/api/v1/procedure/" + id).json();
        assertThat(kept.has("description")).isFalse();
        assertThat(red.get("/api/v1/pattern/case/" + redCase).json().size()).isEqualTo(1);
    }

    @Test
    void aReadOnlyUserReadsButDoesNotWrite() {
        String org = unique("ro-procedures");
        TestApi analyst = newUser(org, "analyst");
        TestApi reader = newUser(org, "read-only");
        String caseId = createCase(analyst, unique("ro"));
        String id = analyst.post("/api/v1/case/" + caseId + "/procedure", Map.of("occurDate", OCCURRED, "patternId", "T1059"))
                .json().get("_id").asString();
        assertThat(reader.get("/api/v1/procedure/" + id).status()).isEqualTo(200);
        var refused = reader.post("/api/v1/case/" + caseId + "/procedure", Map.of("occurDate", OCCURRED, "patternId", "T1059"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(reader.delete("/api/v1/procedure/" + id).status()).isEqualTo(403);
        assertThat(reader.patch("/api/v1/procedure/" + id, Map.of("description", "x")).status()).isEqualTo(403);
    }

    @Test
    void deletingTheCaseDeletesItsProcedures() {
        String caseId = createCase(admin, unique("cascade"));
        String id = admin.post("/api/v1/case/" + caseId + "/procedure", Map.of("occurDate", OCCURRED, "patternId", "T1059"))
                .json().get("_id").asString();
        assertThat(admin.delete("/api/v1/case/" + caseId).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/procedure/" + id).status()).isEqualTo(404);
    }

    @Test
    void queriesGetListAndNavigateToProceduresOfTheCallersOrganisation() {
        String caseId = createCase(admin, unique("query"));
        String alertId = createAlert(admin);
        var inCase = admin.post("/api/v1/case/" + caseId + "/procedures", Map.of("procedures", List.of(
                Map.of("occurDate", OCCURRED, "patternId", "T1059.006", "tactic", "execution", "description", "..."),
                Map.of("occurDate", OCCURRED + 1, "patternId", "T1059.007", "tactic", "execution")))).json();
        var inAlert = admin.post("/api/v1/alert/" + alertId + "/procedure",
                Map.of("occurDate", OCCURRED, "patternId", "T1566")).json();
        String first = inCase.get(0).get("_id").asString();

        var got = admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "getProcedure", "idOrName", first))));
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        assertThat(got.json().size()).isEqualTo(1);
        assertThat(got.json().get(0)).isEqualTo(inCase.get(0));

        var listed = admin.post("/api/v1/query?name=procedures", Map.of("query", List.of(Map.of("_name", "listProcedure"),
                Map.of("_name", "filter", "_in", Map.of("_field", "_id", "_values",
                        List.of(first, inCase.get(1).get("_id").asString(), inAlert.get("_id").asString()))),
                Map.of("_name", "sort", "_fields", List.of(Map.of("occurDate", "desc"))))));
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().size()).isEqualTo(3);
        assertThat(listed.json().get(0).get("patternName").asString()).isEqualTo("JavaScript");

        var ofCase = admin.post("/api/v1/query?name=case-procedures", Map.of("query", List.of(
                Map.of("_name", "getCase", "idOrName", caseId), Map.of("_name", "procedures"))));
        assertThat(ofCase.status()).as(ofCase.toString()).isEqualTo(200);
        assertThat(ofCase.json().size()).isEqualTo(2);
        var ofAlert = admin.post("/api/v1/query?name=alert-procedures", Map.of("query", List.of(
                Map.of("_name", "getAlert", "idOrName", alertId), Map.of("_name", "procedures"))));
        assertThat(ofAlert.json().size()).isEqualTo(1);
        assertThat(ofAlert.json().get(0)).isEqualTo(inAlert);

        var byPattern = admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "getCase", "idOrName", caseId),
                Map.of("_name", "procedures"), Map.of("_name", "filter", "_eq", Map.of("_field", "patternName", "_value", "Python")))));
        assertThat(byPattern.json().size()).isEqualTo(1);

        TestApi blue = newUser("blue-procedure-queries", "analyst");
        var hidden = blue.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "getProcedure", "idOrName", first))));
        assertThat(hidden.status()).isEqualTo(404);
        var none = blue.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "listProcedure"),
                Map.of("_name", "filter", "_in", Map.of("_field", "_id", "_values", List.of(first))))));
        assertThat(none.json().size()).isZero();
    }

    private String createAlert(TestApi api) {
        var r = api.post("/api/v1/alert", Map.of("type", "external", "source", "test", "sourceRef", unique("ref"),
                "title", "alert with TTPs", "description", "d"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("_id").asString();
    }
}
