package io.sightline.server.cases;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Case life cycle and input checking over HTTP; run on H2 and on PostgreSQL. */
abstract class CasesContract extends HubTest {

    @Test
    void createsAndReadsACaseByIdAndByNumber() {
        var r = admin.post("/api/v1/case", Map.of("title", "Cortex & MISP Intergration Demo",
                "description", "Deming a case to test the intergration of MISP and Cortex", "severity", 3,
                "tlp", "AMBER+STRICT", "pap", 1, "tags", List.of("demo", "demo", " misp ")));
        assertThat(r.status()).isEqualTo(201);
        var c = r.json();
        assertThat(c.get("_id").asString()).startsWith("~");
        assertThat(c.get("_type").asString()).isEqualTo("Case");
        assertThat(c.get("tlp").asInt()).isEqualTo(4);
        assertThat(c.get("tlpLabel").asString()).isEqualTo("AMBER+STRICT");
        assertThat(c.get("pap").asInt()).isEqualTo(1);
        assertThat(c.get("status").asString()).isEqualTo("New");
        assertThat(c.get("stage").asString()).isEqualTo("New");
        assertThat(c.get("tags").toString()).isEqualTo("[\"demo\",\"misp\"]");
        assertThat(c.get("_createdAt").asLong()).isGreaterThan(1_600_000_000_000L);

        var byId = admin.get("/api/v1/case/" + c.get("_id").asString()).json();
        var byNumber = admin.get("/api/v1/case/" + c.get("number").asLong()).json();
        assertThat(byId.get("title").asString()).isEqualTo("Cortex & MISP Intergration Demo");
        assertThat(byNumber.get("_id").asString()).isEqualTo(c.get("_id").asString());
    }

    @Test
    void numbersCasesPerOrganisationWithoutGaps() {
        long first = admin.post("/api/v1/case", Map.of("title", "n1", "description", "d")).json().get("number").asLong();
        long second = admin.post("/api/v1/case", Map.of("title", "n2", "description", "d")).json().get("number").asLong();
        assertThat(second).isEqualTo(first + 1);
    }

    @Test
    void updatesAndClosesACaseOnlyWithResolutionAndSummary() {
        String id = createCase(admin, unique("close"));
        var patched = admin.patch("/api/v1/case/" + id, Map.of("severity", 4, "flag", true, "tags", List.of("x")));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("severity").asInt()).isEqualTo(4);
        assertThat(patched.json().get("_updatedBy").asString()).isEqualTo("admin");

        var refused = admin.patch("/api/v1/case/" + id, Map.of("status", "Resolved"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("message").asString()).contains("resolutionStatus");

        var closed = admin.patch("/api/v1/case/" + id, Map.of("status", "Resolved", "resolutionStatus", "TruePositive",
                "impactStatus", "WithImpact", "summary", "contained"));
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("endDate").asLong()).isPositive();
        assertThat(closed.json().get("stage").asString()).isEqualTo("Closed");

        var reopened = admin.patch("/api/v1/case/" + id, Map.of("status", "InProgress"));
        assertThat(reopened.json().has("endDate")).isFalse();
        assertThat(reopened.json().has("resolutionStatus")).isFalse();
    }

    @Test
    void deletesACase() {
        String id = createCase(admin, unique("delete"));
        assertThat(admin.delete("/api/v1/case/" + id).status()).isEqualTo(204);
        var gone = admin.get("/api/v1/case/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("type").asString()).isEqualTo("NotFoundError");
    }

    @Test
    void answersPreciseClientErrorsNeverServerErrors() {
        var malformed = admin.post("/api/v1/case", "{\"title\": \"x\"");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("message").asString()).startsWith("Malformed JSON at line 1");

        var unknown = admin.post("/api/v1/case", Map.of("title", "x", "description", "y", "colour", "red"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("message").asString()).contains("Unknown field colour");

        var illTyped = admin.post("/api/v1/case", Map.of("title", "x", "description", "y", "severity", "high"));
        assertThat(illTyped.json().get("message").asString()).isEqualTo("Field severity of case must be an integer (got string \"high\")");

        var outOfRange = admin.post("/api/v1/case", Map.of("title", "x", "description", "y", "severity", 9));
        assertThat(outOfRange.status()).isEqualTo(400);

        var missing = admin.post("/api/v1/case", Map.of("title", "x"));
        assertThat(missing.json().get("message").asString()).isEqualTo("Field description of case is required");

        var badTlp = admin.post("/api/v1/case", Map.of("title", "x", "description", "y", "tlp", "purple"));
        assertThat(badTlp.json().get("message").asString()).contains("Unknown TLP 'purple'");

        var notArray = admin.post("/api/v1/case", "[1,2]");
        assertThat(notArray.status()).isEqualTo(400);

        var oversized = admin.post("/api/v1/case", Map.of("title", "x", "description", "y".repeat(1_100_000)));
        assertThat(oversized.status()).isEqualTo(413);
        assertThat(oversized.json().get("message").asString()).contains("exceeds the limit");

        assertThat(admin.get("/api/v1/case/~999999999").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/case/not-a-case").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/nowhere").status()).isEqualTo(404);
    }

    @Test
    void aRefusedCreationLeavesNothingBehind() {
        String title = unique("half-written");
        admin.post("/api/v1/case", Map.of("title", title, "description", "y", "assignee", "nobody-such"));
        var count = admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "listCase"),
                Map.of("_name", "filter", "_eq", Map.of("_field", "title", "_value", title)), Map.of("_name", "count"))));
        assertThat(count.body()).isEqualTo("0");
    }

    @Test
    void recordsEveryChangeInTheAuditLog() {
        String id = createCase(admin, unique("audited"));
        admin.patch("/api/v1/case/" + id, Map.of("severity", 3));
        var entries = admin.get("/api/v1/audit?entity=case&entityId=" + id).json();
        assertThat(entries.size()).isEqualTo(2);
        var update = entries.get(0);
        assertThat(update.get("action").asString()).isEqualTo("update");
        assertThat(update.get("actor").asString()).isEqualTo("admin");
        assertThat(update.get("before").get("severity").asInt()).isEqualTo(2);
        assertThat(update.get("after").get("severity").asInt()).isEqualTo(3);
        assertThat(entries.get(1).get("action").asString()).isEqualTo("create");
    }

    @Test
    void answersACreatedCaseAsItIsReadBackAndAudited() {
        for (List<String> tags : List.of(List.<String>of(), List.of("one"), List.of("zeta", "Alpha", "beta", "alpha"))) {
            // a title that looks like the fields the audit entry is assembled from
            var created = admin.post("/api/v1/case", Map.of("title", unique("answer \"number\":0, \\ ñ"), "description", "d",
                    "tags", tags, "severity", 3));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String id = created.json().get("_id").asString();
            assertThat(created.json().get("tags").size()).isEqualTo(tags.size());
            assertThat(created.json()).isEqualTo(admin.get("/api/v1/case/" + id).json());
            var audit = admin.get("/api/v1/audit?entity=case&entityId=" + id).json();
            assertThat(audit.get(0).get("after")).isEqualTo(created.json());
        }
    }

    @Test
    void numbersConcurrentCreationsWithoutGapsOrDuplicates() throws Exception {
        TestApi analyst = newUser(unique("numbers"), "analyst");
        int count = 12;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Long>> numbers = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                String title = "parallel " + i;
                numbers.add(pool.submit(() -> {
                    var r = analyst.post("/api/v1/case", Map.of("title", title, "description", "d"));
                    assertThat(r.status()).as(r.toString()).isEqualTo(201);
                    return r.json().get("number").asLong();
                }));
            }
            java.util.Set<Long> got = new java.util.TreeSet<>();
            for (var f : numbers) got.add(f.get());
            assertThat(got).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, count).boxed().toList());
        } finally {
            pool.shutdown();
        }
    }
}
