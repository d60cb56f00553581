package io.sightline.server.pagetemplates;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The organisation's page templates over HTTP: shape, who manages them, isolation, bad input. */
abstract class PageTemplatesContract extends HubTest {
    @Autowired
    PageTemplateRepository templates;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    @Test
    void createsChangesAndDeletesATemplate() {
        String org = unique("templates");
        TestApi orgAdmin = newUser(org, "org-admin");
        var r = orgAdmin.post("/api/v1/pageTemplate", Map.of("title", "Incident report", "category", "reports",
                "content", "## Scope", "order", 2));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        var t = r.json();
        String id = t.get("_id").asString();
        assertThat(id).startsWith("~");
        assertThat(t.get("_type").asString()).isEqualTo("PageTemplate");
        assertThat(t.get("_createdBy").asString()).endsWith("@" + org);
        assertThat(t.get("_createdAt").asLong()).isGreaterThan(1_600_000_000_000L);
        assertThat(t.get("title").asString()).isEqualTo("Incident report");
        assertThat(t.get("category").asString()).isEqualTo("reports");
        assertThat(t.get("content").asString()).isEqualTo("## Scope");
        assertThat(t.get("order").asInt()).isEqualTo(2);
        assertThat(t.get("extraData").isObject()).isTrue();
        long orgId = orgId(id);

        var patched = orgAdmin.patch("/api/v1/pageTemplate/" + id, Map.of("content", "## Scope\n## Impact"));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(204);
        PageTemplateRecord stored = templates.findById(orgId, id(id)).orElseThrow();
        assertThat(stored.content()).isEqualTo("## Scope\n## Impact");
        assertThat(stored.title()).isEqualTo("Incident report");
        assertThat(PageTemplateView.of(stored)).containsKeys("_updatedBy", "_updatedAt");

        assertThat(orgAdmin.delete("/api/v1/pageTemplate/" + id).status()).isEqualTo(204);
        assertThat(templates.ofOrganisation(orgId)).isEmpty();
        assertThat(orgAdmin.delete("/api/v1/pageTemplate/" + id).status()).isEqualTo(404);
        assertThat(audit.search(null, 0L, "pageTemplate", id, null, null, 10)).extracting(AuditLog.Entry::action)
                .containsExactly("delete", "update", "create");
    }

    @Test
    void onlyProfilesThatManageTemplatesChangeThem() {
        String org = unique("template-profiles");
        TestApi orgAdmin = newUser(org, "org-admin");
        TestApi analyst = newUser(org, "analyst");
        String id = orgAdmin.post("/api/v1/pageTemplate", Map.of("title", "t", "category", "c", "content", "x"))
                .json().get("_id").asString();
        long before = count();
        for (var r : List.of(analyst.post("/api/v1/pageTemplate", Map.of("title", "t", "category", "c", "content", "x")),
                analyst.patch("/api/v1/pageTemplate/" + id, Map.of("title", "mine")),
                analyst.delete("/api/v1/pageTemplate/" + id))) {
            assertThat(r.status()).as(r.toString()).isEqualTo(403);
            assertThat(r.json().get("type").asString()).isEqualTo("AuthorizationError");
        }
        assertThat(count()).isEqualTo(before);
        assertThat(templates.findById(orgId(id), id(id)).orElseThrow().title()).isEqualTo("t");
    }

    @Test
    void anotherOrganisationsTemplateIsNotFoundAndKeepsNothing() {
        TestApi red = newUser("red-templates", "org-admin");
        TestApi blue = newUser("blue-templates", "org-admin");
        String id = red.post("/api/v1/pageTemplate", Map.of("title", "red", "category", "c", "content", "x"))
                .json().get("_id").asString();
        for (var r : List.of(blue.patch("/api/v1/pageTemplate/" + id, Map.of("title", "blue")),
                blue.delete("/api/v1/pageTemplate/" + id))) {
            assertThat(r.status()).as(r.toString()).isEqualTo(404);
            assertThat(r.json().get("type").asString()).isEqualTo("NotFoundError");
        }
        assertThat(templates.findById(orgId(id), id(id)).orElseThrow().title()).isEqualTo("red");
        assertThat(audit.search(null, 0L, "pageTemplate", id, null, null, 10)).hasSize(1);
    }

    @Test
    void refusesBadInputWithPreciseMessagesAndWritesNothing() {
        String id = admin.post("/api/v1/pageTemplate", Map.of("title", "t", "category", "c", "content", "x"))
                .json().get("_id").asString();
        long before = count();
        assertBadRequest(admin.post("/api/v1/pageTemplate", Map.of("category", "c", "content", "x")),
                "Field title of page template is required");
        assertBadRequest(admin.post("/api/v1/pageTemplate", Map.of("title", "t", "category", "c", "content", "x", "pages", 1)),
                "Unknown field pages");
        assertBadRequest(admin.post("/api/v1/pageTemplate", Map.of("title", 1, "category", "c", "content", "x")),
                "must be a string");
        assertBadRequest(admin.post("/api/v1/pageTemplate", Map.of("title", "t", "category", "c", "content", "x".repeat(1_000_001))),
                "too long");
        assertBadRequest(admin.patch("/api/v1/pageTemplate/" + id, Map.of("category", "")), "must not be empty");
        assertBadRequest(admin.patch("/api/v1/pageTemplate/" + id, Map.of("order", 1.5)), "must be an integer");
        assertThat(count()).isEqualTo(before);
        assertThat(templates.findById(orgId(id), id(id)).orElseThrow().category()).isEqualTo("c");
    }

    @Test
    void listsAndGetsTemplatesThroughTheQueryApi() {
        String org = unique("query-templates");
        TestApi orgAdmin = newUser(org, "org-admin");
        TestApi analyst = newUser(org, "analyst");
        var first = orgAdmin.post("/api/v1/pageTemplate", Map.of("title", "one", "category", "c", "content", "1")).json();
        var second = orgAdmin.post("/api/v1/pageTemplate", Map.of("title", "two", "category", "c", "content", "2")).json();

        var listed = query(analyst, List.of(Map.of("_name", "listPageTemplate")));
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().size()).isEqualTo(2);
        assertThat(List.of(listed.json().get(0), listed.json().get(1))).containsExactlyInAnyOrder(first, second);
        var got = query(analyst, List.of(Map.of("_name", "getPageTemplate", "idOrName", second.get("_id").asString())));
        assertThat(got.json().get(0)).isEqualTo(second);

        TestApi other = newUser(unique("query-templates-other"), "org-admin");
        assertThat(query(other, List.of(Map.of("_name", "getPageTemplate", "idOrName", first.get("_id").asString()))).status())
                .isEqualTo(404);
        assertThat(query(other, List.of(Map.of("_name", "listPageTemplate"))).json().size()).isZero();
    }

    private static TestApi.Response query(TestApi api, List<Map<String, Object>> steps) {
        return api.post("/api/v1/query", Map.of("query", steps));
    }

    private static void assertBadRequest(TestApi.Response r, String message) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("type").asString()).isEqualTo("AttributeCheckingError");
        assertThat(r.json().get("message").asString()).contains(message);
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM page_template").query(Long.class).single();
    }

    private long orgId(String templateId) {
        return jdbc.sql("SELECT org_id FROM page_template WHERE id = ?").param(id(templateId)).query(Long.class).single();
    }

    private static long id(String external) {
        return Long.parseLong(external.substring(1));
    }
}
