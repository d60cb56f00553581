package io.sightline.server.pages;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Case pages over HTTP: shape, partial change, a page reached only through its case, isolation, bad input. */
abstract class PagesContract extends HubTest {
    @Autowired
    PageRepository pages;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    @Test
    void writesAPageInTheHiveShape() {
        String caseId = createCase(admin, unique("paged"));
        var r = admin.post("/api/v1/case/" + caseId + "/page", Map.of("title", "Timeline", "category", "notes",
                "content", "# What happened"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        var p = r.json();
        assertThat(p.get("_id").asString()).startsWith("~");
        assertThat(p.get("_type").asString()).isEqualTo("Page");
        assertThat(p.get("_createdBy").asString()).isEqualTo("admin");
        assertThat(p.get("_createdAt").asLong()).isGreaterThan(1_600_000_000_000L);
        assertThat(p.has("_updatedAt")).isFalse();
        assertThat(p.get("title").asString()).isEqualTo("Timeline");
        assertThat(p.get("category").asString()).isEqualTo("notes");
        assertThat(p.get("content").asString()).isEqualTo("# What happened");
        assertThat(p.get("order").asInt()).isZero();
        assertThat(p.get("extraData").isObject()).isTrue();

        long number = admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
        var first = admin.post("/api/v1/case/" + number + "/page", Map.of("title", "Summary", "category", "notes",
                "content", "", "order", -1));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(pages.ofCase(id(caseId))).extracting(PageRecord::title).containsExactly("Summary", "Timeline");
        assertThat(audit.search(null, 0L, "page", p.get("_id").asString(), null, null, 10))
                .extracting(AuditLog.Entry::action).containsExactly("create");
    }

    @Test
    void changesOnlyTheFieldsSentAndDeletes() {
        String caseId = createCase(admin, unique("page-change"));
        String id = admin.post("/api/v1/case/" + caseId + "/page", Map.of("title", "t", "category", "c", "content", "body"))
                .json().get("_id").asString();

        var patched = admin.patch("/api/v1/case/" + caseId + "/page/" + id, Map.of("title", "renamed", "order", 3));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(204);
        PageRecord stored = pages.ofCase(id(caseId)).get(0);
        assertThat(stored.title()).isEqualTo("renamed");
        assertThat(stored.order()).isEqualTo(3);
        assertThat(stored.content()).isEqualTo("body");
        assertThat(stored.category()).isEqualTo("c");
        var shown = PageView.of(stored);
        assertThat(shown.get("_updatedBy")).isEqualTo("admin");
        assertThat(shown).containsKey("_updatedAt");

        assertThat(admin.delete("/api/v1/case/" + caseId + "/page/" + id).status()).isEqualTo(204);
        assertThat(pages.ofCase(id(caseId))).isEmpty();
        assertThat(admin.delete("/api/v1/case/" + caseId + "/page/" + id).status()).isEqualTo(404);
        assertThat(audit.search(null, 0L, "page", id, null, null, 10)).extracting(AuditLog.Entry::action)
                .containsExactly("delete", "update", "create");
    }

    @Test
    void aPageIsReachedOnlyThroughItsOwnCase() {
        String caseA = createCase(admin, unique("page-a"));
        String caseB = createCase(admin, unique("page-b"));
        String id = admin.post("/api/v1/case/" + caseA + "/page", Map.of("title", "t", "category", "c", "content", "a"))
                .json().get("_id").asString();
        var wrongCase = admin.patch("/api/v1/case/" + caseB + "/page/" + id, Map.of("title", "moved?"));
        assertThat(wrongCase.status()).as(wrongCase.toString()).isEqualTo(404);
        assertThat(wrongCase.json().get("type").asString()).isEqualTo("NotFoundError");
        assertThat(admin.delete("/api/v1/case/" + caseB + "/page/" + id).status()).isEqualTo(404);
        assertThat(pages.ofCase(id(caseA))).extracting(PageRecord::title).containsExactly("t");
    }

    @Test
    void analystsWritePagesReadersDoNot() {
        String org = unique("page-profiles");
        TestApi analyst = newUser(org, "analyst");
        TestApi reader = newUser(org, "read-only");
        String caseId = createCase(analyst, "case");
        var created = analyst.post("/api/v1/case/" + caseId + "/page", Map.of("title", "t", "category", "c", "content", "x"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("_id").asString();
        var refused = reader.post("/api/v1/case/" + caseId + "/page", Map.of("title", "t", "category", "c", "content", "x"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("AuthorizationError");
        assertThat(reader.patch("/api/v1/case/" + caseId + "/page/" + id, Map.of("title", "r")).status()).isEqualTo(403);
        assertThat(reader.delete("/api/v1/case/" + caseId + "/page/" + id).status()).isEqualTo(403);
        assertThat(pages.ofCase(id(caseId))).extracting(PageRecord::title).containsExactly("t");
    }

    @Test
    void anotherOrganisationsCaseAndPageAreNotFoundAndKeepNothing() {
        TestApi red = newUser("red-pages", "org-admin");
        TestApi blue = newUser("blue-pages", "org-admin");
        String caseId = createCase(red, "red case");
        String id = red.post("/api/v1/case/" + caseId + "/page", Map.of("title", "red", "category", "c", "content", "x"))
                .json().get("_id").asString();
        long before = count();
        for (var r : List.of(blue.post("/api/v1/case/" + caseId + "/page", Map.of("title", "t", "category", "c", "content", "x")),
                blue.patch("/api/v1/case/" + caseId + "/page/" + id, Map.of("title", "blue")),
                blue.delete("/api/v1/case/" + caseId + "/page/" + id))) {
            assertThat(r.status()).as(r.toString()).isEqualTo(404);
            assertThat(r.json().get("type").asString()).isEqualTo("NotFoundError");
        }
        assertThat(count()).isEqualTo(before);
        assertThat(pages.ofCase(id(caseId))).extracting(PageRecord::title).containsExactly("red");
    }

    @Test
    void refusesBadInputWithPreciseMessagesAndWritesNothing() {
        String caseId = createCase(admin, unique("bad-page"));
        String id = admin.post("/api/v1/case/" + caseId + "/page", Map.of("title", "t", "category", "c", "content", "x"))
                .json().get("_id").asString();
        long before = count();
        String path = "/api/v1/case/" + caseId + "/page";
        assertBadRequest(admin.post(path, Map.of("category", "c", "content", "x")), "Field title of page is required");
        assertBadRequest(admin.post(path, Map.of("title", "t", "content", "x")), "Field category of page is required");
        assertBadRequest(admin.post(path, Map.of("title", "t", "category", "c")), "Field content of page is required");
        assertBadRequest(admin.post(path, Map.of("title", "", "category", "c", "content", "x")), "must not be empty");
        assertBadRequest(admin.post(path, Map.of("title", "t".repeat(513), "category", "c", "content", "x")), "too long");
        assertBadRequest(admin.post(path, Map.of("title", "t", "category", "c".repeat(129), "content", "x")), "too long");
        assertBadRequest(admin.post(path, Map.of("title", "t", "category", "c", "content", "x".repeat(1_000_001))), "too long");
        assertBadRequest(admin.post(path, Map.of("title", "t", "category", "c", "content", "x", "order", "first")),
                "must be an integer");
        assertBadRequest(admin.post(path, Map.of("title", "t", "category", "c", "content", "x", "parent", "~1")),
                "Unknown field parent");
        Map<String, Object> nullTitle = new HashMap<>();
        nullTitle.put("title", null);
        assertBadRequest(admin.patch(path + "/" + id, nullTitle), "must not be null");
        assertBadRequest(admin.patch(path + "/" + id, Map.of("content", 1)), "must be a string");

        assertThat(count()).isEqualTo(before);
        assertThat(pages.ofCase(id(caseId))).extracting(PageRecord::title).containsExactly("t");
    }

    @Test
    void deletingACaseDeletesItsPages() {
        String caseId = createCase(admin, unique("page-cascade"));
        admin.post("/api/v1/case/" + caseId + "/page", Map.of("title", "t", "category", "c", "content", "x"));
        assertThat(admin.delete("/api/v1/case/" + caseId).status()).isEqualTo(204);
        assertThat(pages.ofCase(id(caseId))).isEmpty();
    }

    @Test
    void listsAndGetsPagesThroughTheQueryApi() {
        String caseId = createCase(admin, unique("query-pages"));
        var first = admin.post("/api/v1/case/" + caseId + "/page", Map.of("title", "one", "category", "c", "content", "1")).json();
        var second = admin.post("/api/v1/case/" + caseId + "/page", Map.of("title", "two", "category", "c", "content", "2")).json();
        var ofCase = query(admin, List.of(Map.of("_name", "getCase", "idOrName", caseId), Map.of("_name", "pages")));
        assertThat(ofCase.status()).as(ofCase.toString()).isEqualTo(200);
        assertThat(ofCase.json().size()).isEqualTo(2);
        assertThat(List.of(ofCase.json().get(0), ofCase.json().get(1))).containsExactlyInAnyOrder(first, second);

        admin.patch("/api/v1/case/" + caseId + "/page/" + second.get("_id").asString(), Map.of("title", "renamed"));
        var byId = query(admin, List.of(Map.of("_name", "getCase", "idOrName", caseId), Map.of("_name", "pages"),
                Map.of("_name", "filter", "_eq", Map.of("_field", "_id", "_value", second.get("_id").asString()))));
        assertThat(byId.json().size()).isEqualTo(1);
        assertThat(byId.json().get(0).get("title").asString()).isEqualTo("renamed");
        assertThat(byId.json().get(0).get("_updatedBy").asString()).isEqualTo("admin");
        var got = query(admin, List.of(Map.of("_name", "getPage", "idOrName", first.get("_id").asString())));
        assertThat(got.json().get(0)).isEqualTo(first);

        TestApi other = newUser(unique("query-pages-other"), "org-admin");
        assertThat(query(other, List.of(Map.of("_name", "getPage", "idOrName", first.get("_id").asString()))).status())
                .isEqualTo(404);
        assertThat(query(other, List.of(Map.of("_name", "listPage"))).json().size()).isZero();
    }

    private static TestApi.Response query(TestApi api, List<Map<String, Object>> steps) {
        return api.post("/api/v1/query", Map.of("query", steps));
    }

    static void assertBadRequest(TestApi.Response r, String message) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("type").asString()).isEqualTo("AttributeCheckingError");
        assertThat(r.json().get("message").asString()).contains(message);
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM case_page").query(Long.class).single();
    }

    private static long id(String external) {
        return Long.parseLong(external.substring(1));
    }
}
