package io.sightline.server.casemerge;

import io.sightline.server.support.HubTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/v1/case/_merge/{ids}}: one new case with everything, originals gone; on H2 and PostgreSQL. */
abstract class CaseMergeContract extends HubTest {
    /** A value both cases hold, unique to the test so other tests' cases do not see it. */
    private final String shared = unique("shared") + ".example";

    private String caseWith(String title, int severity, String tag, String ip) {
        var c = admin.post("/api/v1/case", Map.of("title", title, "description", "about " + title, "severity", severity,
                "tags", List.of(tag))).json();
        String id = c.get("_id").asString();
        admin.post("/api/v1/case/" + id + "/observable", Map.of("dataType", "ip", "data", ip, "tags", List.of(tag)));
        admin.post("/api/v1/case/" + id + "/observable", Map.of("dataType", "domain", "data", shared));
        assertThat(admin.post("/api/v1/case/" + id + "/task", Map.of("title", "Task of " + title)).status()).isEqualTo(201);
        return id;
    }

    @Test
    void mergesIntoANewCaseAndRemovesTheOriginals() {
        String a = caseWith("Phishing A", 2, "a", "192.0.2.1");
        String b = caseWith("Phishing B", 4, "b", "192.0.2.2");
        String alert = admin.post("/api/v1/alert", Map.of("type", "t", "source", "s", "sourceRef", unique("ref"),
                "title", "t", "description", "d")).json().get("_id").asString();
        admin.post("/api/v1/alert/" + alert + "/merge/" + b, Map.of());

        var r = admin.post("/api/v1/case/_merge/" + a + "," + b, Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        var merged = r.json();
        String id = merged.get("_id").asString();
        assertThat(merged.get("title").asString()).isEqualTo("Phishing A / Phishing B");
        assertThat(merged.get("severity").asInt()).isEqualTo(4);
        assertThat(merged.get("tags").toString()).contains("\"a\"", "\"b\"");
        assertThat(merged.get("description").asString()).contains("about Phishing A", "about Phishing B");

        var observables = admin.get("/api/v1/case/" + id + "/observables").json();
        assertThat(observables.size()).isEqualTo(3); // the shared domain once
        var tasks = admin.get("/api/v1/case/" + id + "/task");
        assertThat(tasks.body()).contains("Task of Phishing A", "Task of Phishing B");
        assertThat(admin.get("/api/v1/alert/" + alert).json().get("caseId").asString()).isEqualTo(id);
        assertThat(admin.get("/api/v1/case/" + a).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/case/" + b).status()).isEqualTo(404);
        var audit = admin.get("/api/v1/audit?entity=case&entityId=" + id).json();
        assertThat(audit.get(0).get("action").asString()).isEqualTo("merge");
    }

    @Test
    void aCaseOfAnotherOrganisationOrAMissingOneMergesNothing() {
        String mine = caseWith("Mine", 2, "m", "192.0.2.3");
        String theirs = createCase(newUser(unique("merge-org"), "org-admin"), unique("theirs"));
        var r = admin.post("/api/v1/case/_merge/" + mine + "," + theirs, Map.of());
        assertThat(r.status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/case/" + mine).status()).isEqualTo(200);
        var one = admin.post("/api/v1/case/_merge/" + mine + "," + mine, Map.of());
        assertThat(one.status()).isEqualTo(400);
        assertThat(one.json().get("message").asString()).isEqualTo("A merge needs at least two different cases");
    }
}
