package io.sightline.server.timeline;

import io.sightline.server.common.Ids;
import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A case's timeline and its custom events over TheHive 5's routes; run on H2 and on PostgreSQL. */
abstract class TimelineContract extends HubTest {
    private static final long DAY = 86_400_000L;

    @Autowired
    AuditEvents auditEvents;

    @Test
    void aNewCaseTimelineHoldsItsCreation() {
        String caseId = createCase(admin, "timeline of a new case");
        var r = admin.get("/api/v1/case/" + caseId + "/timeline");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        var events = r.json().get("events");
        assertThat(events.size()).isEqualTo(1);
        var created = events.get(0);
        assertThat(created.get("kind").asString()).isEqualTo("CaseCreated");
        assertThat(created.get("entity").asString()).isEqualTo("Case");
        assertThat(created.get("entityId").asString()).isEqualTo(caseId);
        assertThat(created.get("date").asLong()).isGreaterThan(1_600_000_000_000L);
        assertThat(created.get("details").get("title").asString()).isEqualTo("timeline of a new case");
        assertThat(created.has("endDate")).isFalse();
    }

    @Test
    void gathersWhatHappenedToTheCaseNewestFirst() {
        String caseId = createCase(admin, unique("story"));
        String observableId = admin.post("/api/v1/case/" + caseId + "/observable",
                Map.of("dataType", "domain", "data", "evil.example", "ioc", true)).json().get(0).get("_id").asString();
        String alertId = admin.post("/api/v1/alert", Map.of("type", "external", "source", "siem", "sourceRef", unique("ref"),
                "title", "merged alert", "description", "d")).json().get("_id").asString();
        assertThat(admin.post("/api/v1/alert/" + alertId + "/merge/" + caseId, Map.of()).status()).isEqualTo(200);
        long occurred = System.currentTimeMillis() - 10 * DAY;
        String procedureId = admin.post("/api/v1/case/" + caseId + "/procedure",
                Map.of("occurDate", occurred, "patternId", "T1566", "tactic", "initial-access")).json().get("_id").asString();
        String eventId = admin.post("/api/v1/case/" + caseId + "/customEvent",
                Map.of("date", occurred + DAY, "endDate", occurred + 2 * DAY, "title", "lateral movement")).json()
                .get("_id").asString();
        assertThat(admin.patch("/api/v1/case/" + caseId, Map.of("status", "Resolved", "resolutionStatus", "TruePositive",
                "summary", "contained")).status()).isEqualTo(200);

        var events = admin.get("/api/v1/case/" + caseId + "/timeline").json().get("events");
        List<String> kinds = new ArrayList<>();
        for (JsonNode e : events) kinds.add(e.get("kind").asString());
        assertThat(kinds).containsExactlyInAnyOrder("CaseCreated", "ObservableCreated", "AlertImported", "Procedure",
                "CustomEvent", "CaseClosed");
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).get("date").asLong()).isLessThanOrEqualTo(events.get(i - 1).get("date").asLong());
        }
        assertThat(kinds.get(kinds.size() - 1)).isEqualTo("Procedure");
        assertThat(kinds.get(kinds.size() - 2)).isEqualTo("CustomEvent");

        var observable = find(events, "ObservableCreated");
        assertThat(observable.get("entityId").asString()).isEqualTo(observableId);
        assertThat(observable.get("details").get("data").asString()).isEqualTo("evil.example");
        assertThat(observable.get("details").get("ioc").asBoolean()).isTrue();
        assertThat(find(events, "AlertImported").get("entityId").asString()).isEqualTo(alertId);
        var procedure = find(events, "Procedure");
        assertThat(procedure.get("entityId").asString()).isEqualTo(procedureId);
        assertThat(procedure.get("date").asLong()).isEqualTo(occurred);
        assertThat(procedure.get("details").get("patternName").asString()).isEqualTo("Phishing");
        var custom = find(events, "CustomEvent");
        assertThat(custom.get("entity").asString()).isEqualTo("CustomEvent");
        assertThat(custom.get("entityId").asString()).isEqualTo(eventId);
        assertThat(custom.get("endDate").asLong()).isEqualTo(occurred + 2 * DAY);
        assertThat(custom.get("details").get("title").asString()).isEqualTo("lateral movement");
        assertThat(find(events, "CaseClosed").get("details").get("resolutionStatus").asString()).isEqualTo("TruePositive");
    }

    @Test
    void answersAtMostAPageOfTheMostRecentEvents() {
        String caseId = createCase(admin, unique("paged"));
        long base = System.currentTimeMillis() + DAY;
        for (int i = 0; i < 3; i++) {
            admin.post("/api/v1/case/" + caseId + "/customEvent", Map.of("date", base + i, "title", "event " + i));
        }
        var two = admin.get("/api/v1/case/" + caseId + "/timeline?limit=2").json().get("events");
        assertThat(two.size()).isEqualTo(2);
        assertThat(two.get(0).get("details").get("title").asString()).isEqualTo("event 2");
        assertThat(two.get(1).get("details").get("title").asString()).isEqualTo("event 1");
        assertThat(admin.get("/api/v1/case/" + caseId + "/timeline").json().get("events").size()).isEqualTo(4);
        var tooMany = admin.get("/api/v1/case/" + caseId + "/timeline?limit=5000");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("message").asString()).contains("1 to 2000");
        assertThat(admin.get("/api/v1/case/" + caseId + "/timeline?limit=0").status()).isEqualTo(400);
    }

    @Test
    void createsUpdatesAndDeletesACustomEvent() {
        String caseId = createCase(admin, unique("custom"));
        long date = 1_700_000_000_000L;
        var r = admin.post("/api/v1/case/" + caseId + "/customEvent",
                Map.of("date", date, "endDate", date + 1000, "title", "test timeline event", "description", "..."));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        var e = r.json();
        String id = e.get("_id").asString();
        assertThat(id).startsWith("~");
        assertThat(e.get("_type").asString()).isEqualTo("CustomEvent");
        assertThat(e.get("_createdBy").asString()).isEqualTo("admin");
        assertThat(e.get("_createdAt").asLong()).isGreaterThan(1_600_000_000_000L);
        assertThat(e.get("date").asLong()).isEqualTo(date);
        assertThat(e.get("endDate").asLong()).isEqualTo(date + 1000);
        assertThat(e.get("title").asString()).isEqualTo("test timeline event");
        assertThat(e.get("description").asString()).isEqualTo("...");
        assertThat(admin.get("/api/v1/customEvent/" + id).json()).isEqualTo(e);
        assertThat(audit("customEvent", id).get(0).get("after")).isEqualTo(e);

        var patched = admin.patch("/api/v1/customEvent/" + id, Map.of("date", date + 10, "endDate", date + 20,
                "title", "updated event", "description", "updated event description"));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(204);
        var after = admin.get("/api/v1/customEvent/" + id).json();
        assertThat(after.get("date").asLong()).isEqualTo(date + 10);
        assertThat(after.get("endDate").asLong()).isEqualTo(date + 20);
        assertThat(after.get("title").asString()).isEqualTo("updated event");
        assertThat(after.get("description").asString()).isEqualTo("updated event description");
        assertThat(after.get("_updatedBy").asString()).isEqualTo("admin");
        assertThat(audit("customEvent", id).get(0).get("action").asString()).isEqualTo("update");

        assertThat(admin.delete("/api/v1/customEvent/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/customEvent/" + id).status()).isEqualTo(404);
        assertThat(audit("customEvent", id).get(0).get("action").asString()).isEqualTo("delete");
        var events = admin.get("/api/v1/case/" + caseId + "/timeline").json().get("events");
        for (JsonNode ev : events) assertThat(ev.get("entityId").asString()).isNotEqualTo(id);
    }

    @Test
    void refusesBadCustomEventsWritingNothing() {
        String caseId = createCase(admin, unique("bad-events"));
        String path = "/api/v1/case/" + caseId + "/customEvent";
        assertThat(message(admin.post(path, Map.of("date", 1L)))).isEqualTo("Field title of custom event is required");
        assertThat(message(admin.post(path, Map.of("title", "no date")))).isEqualTo("Field date of custom event is required");
        assertThat(message(admin.post(path, Map.of("date", 1L, "title", "x".repeat(129))))).contains("too long");
        assertThat(message(admin.post(path, Map.of("date", 10L, "endDate", 5L, "title", "backwards")))).contains("before its date");
        assertThat(message(admin.post(path, Map.of("date", 1L, "title", "t", "colour", "red")))).contains("Unknown field colour");
        assertThat(message(admin.post(path, Map.of("date", "today", "title", "t")))).contains("epoch milliseconds");
        assertThat(admin.get("/api/v1/case/" + caseId + "/timeline").json().get("events").size()).isEqualTo(1);

        String id = admin.post(path, Map.of("date", 100L, "title", "kept")).json().get("_id").asString();
        var patch = admin.patch("/api/v1/customEvent/" + id, Map.of("endDate", 50L));
        assertThat(patch.status()).isEqualTo(400);
        assertThat(message(admin.patch("/api/v1/customEvent/" + id, java.util.Collections.singletonMap("title", null))))
                .contains("cannot be removed");
        assertThat(admin.get("/api/v1/customEvent/" + id).json().get("title").asString()).isEqualTo("kept");
    }

    @Test
    void anotherOrganisationSeesAndChangesNothing() {
        TestApi red = newUser("red-timeline", "analyst");
        TestApi blue = newUser("blue-timeline", "analyst");
        String redCase = createCase(red, unique("red"));
        String id = red.post("/api/v1/case/" + redCase + "/customEvent", Map.of("date", 1L, "title", "red event")).json()
                .get("_id").asString();
        var timeline = blue.get("/api/v1/case/" + redCase + "/timeline");
        assertThat(timeline.status()).isEqualTo(404);
        assertThat(timeline.json().get("type").asString()).isEqualTo("NotFoundError");
        assertThat(blue.post("/api/v1/case/" + redCase + "/customEvent", Map.of("date", 1L, "title", "intruder")).status())
                .isEqualTo(404);
        assertThat(blue.get("/api/v1/customEvent/" + id).status()).isEqualTo(404);
        assertThat(blue.patch("/api/v1/customEvent/" + id, Map.of("title", "hijacked")).status()).isEqualTo(404);
        assertThat(blue.delete("/api/v1/customEvent/" + id).status()).isEqualTo(404);
        assertThat(red.get("/api/v1/customEvent/" + id).json().get("title").asString()).isEqualTo("red event");
        assertThat(red.get("/api/v1/case/" + redCase + "/timeline").json().get("events").size()).isEqualTo(2);
    }

    @Test
    void aReadOnlyUserReadsTheTimelineButAddsNothing() {
        String org = unique("ro-timeline");
        TestApi analyst = newUser(org, "analyst");
        TestApi reader = newUser(org, "read-only");
        String caseId = createCase(analyst, unique("ro"));
        assertThat(reader.get("/api/v1/case/" + caseId + "/timeline").status()).isEqualTo(200);
        var refused = reader.post("/api/v1/case/" + caseId + "/customEvent", Map.of("date", 1L, "title", "t"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("AuthorizationError");
    }

    @Test
    void auditEntriesOfAnyObjectTypeBecomeEvents() {
        String caseId = createCase(admin, unique("audited"));
        admin.patch("/api/v1/case/" + caseId, Map.of("severity", 4));
        long orgId = Ids.parse(admin.get("/api/v1/organisation/admin").json().get("_id").asString(), "Organisation");
        var events = auditEvents.of(orgId, "case", List.of(caseId), 10);
        assertThat(events).extracting(TimelineEvent::kind).containsExactly("caseUpdated", "caseCreated");
        assertThat(events.get(0).entityId()).isEqualTo(caseId);
        assertThat(events.get(0).details().get("severity")).isEqualTo(4);
        assertThat(auditEvents.of(orgId + 1000, "case", List.of(caseId), 10)).isEmpty();
        assertThat(AuditEvents.pastTense("close")).isEqualTo("Closed");
        assertThat(AuditEvents.pastTense("merge")).isEqualTo("Merged");
        assertThat(AuditEvents.pastTense("start")).isEqualTo("Started");
    }

    private static JsonNode find(JsonNode events, String kind) {
        for (JsonNode e : events) if (e.get("kind").asString().equals(kind)) return e;
        throw new AssertionError("no " + kind + " event in " + events);
    }

    private static String message(TestApi.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        return r.json().get("message").asString();
    }

    private JsonNode audit(String entity, String id) {
        return admin.get("/api/v1/audit?entity=" + entity + "&entityId=" + id).json();
    }
}
