package io.sightline.server.cases;

import io.sightline.server.support.HubTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code PATCH /api/v1/case/_bulk}: all or nothing, audited, scoped; on H2 and PostgreSQL. */
abstract class CaseBulkContract extends HubTest {

    @Test
    void changesEveryListedCaseAndAuditsEach() {
        String a = createCase(admin, unique("bulk-a"));
        String b = createCase(admin, unique("bulk-b"));
        var r = admin.patch("/api/v1/case/_bulk", Map.of("ids", List.of(a, b), "title", "Same incident",
                "description", "Grouped", "severity", 4));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        for (String id : List.of(a, b)) {
            var c = admin.get("/api/v1/case/" + id).json();
            assertThat(c.get("title").asString()).isEqualTo("Same incident");
            assertThat(c.get("description").asString()).isEqualTo("Grouped");
            assertThat(c.get("severity").asInt()).isEqualTo(4);
            var audit = admin.get("/api/v1/audit?entity=case&entityId=" + id).json();
            assertThat(audit.get(0).get("action").asString()).isEqualTo("update");
            assertThat(audit.get(0).get("after").get("severity").asInt()).isEqualTo(4);
        }
    }

    @Test
    void oneCaseOfAnotherOrganisationChangesNone() {
        String mine = createCase(admin, unique("mine"));
        String theirs = createCase(newUser(unique("bulk-org"), "org-admin"), unique("theirs"));
        var r = admin.patch("/api/v1/case/_bulk", Map.of("ids", List.of(mine, theirs), "title", "Taken"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/case/" + mine).json().get("title").asString()).startsWith("mine-");
    }

    @Test
    void refusesBadInputAndWritesNothing() {
        String id = createCase(admin, unique("bad-bulk"));
        var noIds = admin.patch("/api/v1/case/_bulk", Map.of("title", "x"));
        assertThat(noIds.status()).isEqualTo(400);
        assertThat(noIds.json().get("message").asString()).isEqualTo("Field ids of case is required");
        var wrongType = admin.patch("/api/v1/case/_bulk", Map.of("ids", id, "title", "x"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("message").asString()).startsWith("Field ids of case must be an array of strings");
        var unknown = admin.patch("/api/v1/case/_bulk", Map.of("ids", List.of(id), "colour", "red"));
        assertThat(unknown.status()).isEqualTo(400);
        var badSeverity = admin.patch("/api/v1/case/_bulk", Map.of("ids", List.of(id), "severity", 0, "title", "x"));
        assertThat(badSeverity.status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/case/" + id).json().get("title").asString()).startsWith("bad-bulk-");
    }

    @Test
    void aReadOnlyUserMayNotBulkUpdate() {
        String org = unique("bulk-ro");
        var orgAdmin = newUser(org, "org-admin");
        String id = createCase(orgAdmin, unique("ro"));
        var reader = newUser(org, "read-only");
        assertThat(reader.patch("/api/v1/case/_bulk", Map.of("ids", List.of(id), "title", "x")).status()).isEqualTo(403);
    }
}
