package io.sightline.server.web;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.sightline.server.web.WorkspaceFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read path below a restricted case follows it: a colleague of the same organisation whom
 * the case does not name finds none of its records (a 404 by id, absent from lists, not named by
 * other cases' links, similar observables or timelines), while a user it names reads them all.
 * Run on H2 and PostgreSQL.
 */
abstract class RestrictedCaseReadsContract extends HubTest {
    private static final String PROCEDURE_ROUTE = "/api/v1/procedure/";

    private String lead;
    private String named;
    private String other;
    private String auditor;
    private String namedAuditor;
    private String openCase;
    private String hiddenCase;
    private String hiddenTitle;
    private String task;
    private String log;
    private String comment;
    private String page;
    private String procedure;
    private String customEvent;
    private String file;
    private String alert;

    @BeforeEach
    void aRestrictedCaseWithARecordOfEveryKind() {
        String org = unique("restrict");
        lead = user(admin, org, "analyst");
        named = user(admin, org, "analyst");
        other = user(admin, org, "analyst");
        auditor = user(admin, org, "org-admin");
        namedAuditor = user(admin, org, "org-admin");
        TestApi api = as(lead);
        hiddenTitle = unique("Hidden");
        openCase = caseOf(api, unique("Open"), null, 2);
        hiddenCase = caseOf(api, hiddenTitle, null, 2);
        var shared = Map.of("dataType", "domain", "data", unique("shared") + ".example");
        assertThat(api.post("/api/v1/case/" + openCase + "/observable", shared).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/case/" + hiddenCase + "/observable", shared).status()).isEqualTo(201);
        task = created(api.post("/api/v1/case/" + hiddenCase + "/task", Map.of("title", hiddenTitle + " task")));
        log = created(api.post("/api/v1/task/" + task + "/log", Map.of("message", "hidden log")));
        comment = created(api.post("/api/v1/case/" + hiddenCase + "/comment", Map.of("message", "hidden comment")));
        page = created(api.post("/api/v1/case/" + hiddenCase + "/page", Map.of("title", "Notes", "category", "analysis",
                "content", "# hidden")));
        procedure = created(api.post("/api/v1/case/" + hiddenCase + "/procedure", Map.of("occurDate", 1_700_000_000_000L,
                "patternId", "T1566", "tactic", "initial-access")));
        customEvent = created(api.post("/api/v1/case/" + hiddenCase + "/customEvent", Map.of("date", 1_700_000_000_000L,
                "title", "hidden event")));
        var fileObservable = api.postFile("/api/v1/case/" + hiddenCase + "/observable", "{\"dataType\":\"file\"}", "lure.bin",
                unique("only in the hidden case").getBytes(StandardCharsets.UTF_8));
        assertThat(fileObservable.status()).as(fileObservable.toString()).isEqualTo(201);
        file = fileObservable.json().get(0).get("attachment").get("id").asString();
        assertThat(api.post("/api/v1/case/" + openCase + "/link/case/add", Map.of("type", "related", "caseId", hiddenCase))
                .status()).isEqualTo(204);
        alert = WorkspaceFixtures.alert(api, "siem", 2, unique("merged alert"));
        assertThat(api.post("/api/v1/alert/" + alert + "/merge/" + hiddenCase, Map.of()).status()).isEqualTo(200);
        var restrict = api.post("/api/v1/case/" + hiddenCase + "/access",
                Map.of("access", Map.of("_kind", "UserAccessKind", "users", List.of(lead, named, namedAuditor))));
        assertThat(restrict.status()).as(restrict.toString()).isEqualTo(204);
    }

    @Test
    void aColleagueTheCaseDoesNotNameFindsNoneOfItsRecords() {
        TestApi api = as(other);
        var caseRead = api.get("/api/v1/case/" + hiddenCase);
        assertThat(caseRead.status()).isEqualTo(404);

        var linked = api.get("/api/v1/case/" + openCase + "/links");
        assertThat(linked.json().size()).as("linked cases: " + linked).isZero();
        assertThat(api.get("/api/v1/case/" + openCase + "/similar/" + hiddenCase + "/observables").status()).isEqualTo(404);
        var link = api.post("/api/v1/case/" + openCase + "/link/case/add", Map.of("type", "related", "caseId", hiddenCase));
        assertThat(link.status()).isEqualTo(404);
        assertThat(link.json()).as("linking to a hidden case is the same 404 as reading it").isEqualTo(caseRead.json());
        assertThat(caseLinksOf(api, openCase).size()).as("extraData.links").isZero();
        assertThat(timelineKinds(api, openCase)).doesNotContain("LinkAdded");

        for (String route : List.of("/api/v1/task/" + task + "/log", "/api/v1/log/" + log, PROCEDURE_ROUTE + procedure,
                "/api/v1/customEvent/" + customEvent, "/api/v1/attachment/" + file + "/download",
                "/api/v1/case/" + hiddenCase + "/misp", "/api/v1/case/" + hiddenCase + "/timeline")) {
            var read = api.get(route);
            assertThat(read.status()).as(route).isEqualTo(404);
            assertThat(read.json().get("type").asString()).as(route).isEqualTo("NotFoundError");
        }
        assertThat(api.download("/api/v1/case/" + hiddenCase + "/export?password=pw").statusCode()).isEqualTo(404);
        assertThat(api.post("/api/v1/task/" + task + "/log", Map.of("message", "sneaked in")).status()).isEqualTo(404);
        String sneaked = unique("sneaked") + ".example";
        for (String ref : List.of(hiddenCase, String.valueOf(number(as(lead), hiddenCase)))) {
            var added = api.post("/api/v1/case/" + ref + "/observable", Map.of("dataType", "domain", "data", sneaked));
            assertThat(added.status()).as("an observable added to the hidden case " + ref + ": " + added).isEqualTo(404);
            assertThat(added.json().get("type").asString()).isEqualTo("NotFoundError");
        }
        var byId = api.post("/api/v1/case/" + hiddenCase + "/observable", Map.of("dataType", "domain", "data", sneaked));
        assertThat(byId.json()).as("the same 404 as reading the case").isEqualTo(caseRead.json());
        assertThat(as(lead).get("/api/v1/case/" + hiddenCase + "/observables").body()).doesNotContain(sneaked);
        assertThat(api.patch("/api/v1/task/_bulk", Map.of("ids", List.of(task), "status", "Cancel")).status()).isEqualTo(404);
        assertThat(api.patch("/api/v1/log/" + log, Map.of("message", "changed")).status()).isEqualTo(404);
        assertThat(api.patch("/api/v1/comment/" + comment, Map.of("message", "changed")).status()).isEqualTo(404);
        assertThat(api.patch("/api/v1/case/" + hiddenCase + "/page/" + page, Map.of("content", "changed")).status()).isEqualTo(404);
        assertThat(api.patch(PROCEDURE_ROUTE + procedure, Map.of("description", "changed")).status()).isEqualTo(404);
        assertThat(api.patch("/api/v1/customEvent/" + customEvent, Map.of("title", "changed")).status()).isEqualTo(404);
        assertThat(api.post(PROCEDURE_ROUTE + "delete/_bulk", Map.of("ids", List.of(procedure))).status()).isEqualTo(404);
        for (String route : List.of("/api/v1/log/" + log, "/api/v1/comment/" + comment, PROCEDURE_ROUTE + procedure,
                "/api/v1/case/" + hiddenCase + "/page/" + page, "/api/v1/customEvent/" + customEvent)) {
            assertThat(api.delete(route).status()).as("DELETE " + route).isEqualTo(404);
        }

        var importedAlert = api.get("/api/v1/alert/" + alert);
        assertThat(importedAlert.status()).isEqualTo(200);
        assertThat(importedAlert.json().get("caseId").asString()).as("the alert keeps its caseId").isEqualTo(hiddenCase);
        Document alertPage = Jsoup.parse(browser(other).get("/alerts/" + alert.substring(1)).body());
        assertThat(alertPage.select("#imported-hidden").text()).contains("restricted to other users");
        assertThat(alertPage.text()).doesNotContain(hiddenTitle);
        Document tasks = Jsoup.parse(browser(other).get("/tasks?status=all&assignee=").body());
        assertThat(tasks.text()).doesNotContain(hiddenTitle);
        assertThat(seenInOnObservablesTab(other)).as("'seen in' of the open case's observables").isEmpty();
        assertThat(tasks.select("h1 .count").text()).isEqualTo("0");
    }

    @Test
    void aUserTheCaseNamesReadsAndChangesAllOfIt() {
        TestApi api = as(named);
        var linked = api.get("/api/v1/case/" + openCase + "/links").json();
        assertThat(linked.size()).isEqualTo(1);
        assertThat(linked.get(0).get("_id").asString()).isEqualTo(hiddenCase);
        assertThat(api.get("/api/v1/case/" + openCase + "/similar/" + hiddenCase + "/observables").json().size()).isEqualTo(1);
        assertThat(caseLinksOf(api, openCase).get(0).get("caseId").asString()).isEqualTo(hiddenCase);
        assertThat(timelineKinds(api, openCase)).contains("LinkAdded");

        for (String route : List.of("/api/v1/task/" + task + "/log", "/api/v1/log/" + log, PROCEDURE_ROUTE + procedure,
                "/api/v1/customEvent/" + customEvent, "/api/v1/attachment/" + file + "/download",
                "/api/v1/case/" + hiddenCase + "/misp", "/api/v1/case/" + hiddenCase + "/timeline")) {
            assertThat(api.get(route).status()).as(route).isEqualTo(200);
        }
        assertThat(api.download("/api/v1/case/" + hiddenCase + "/export?password=pw").statusCode()).isEqualTo(200);
        assertThat(api.post("/api/v1/task/" + task + "/log", Map.of("message", "by a named user")).status()).isEqualTo(201);
        assertThat(api.patch("/api/v1/task/_bulk", Map.of("ids", List.of(task), "status", "InProgress")).status()).isIn(200, 204);
        assertThat(api.patch("/api/v1/log/" + log, Map.of("message", "changed")).status()).isIn(200, 204);
        assertThat(api.patch("/api/v1/case/" + hiddenCase + "/page/" + page, Map.of("content", "changed")).status()).isIn(200, 204);
        assertThat(api.patch(PROCEDURE_ROUTE + procedure, Map.of("description", "changed")).status()).isIn(200, 204);
        assertThat(api.patch("/api/v1/customEvent/" + customEvent, Map.of("title", "changed")).status()).isIn(200, 204);
        assertThat(as(lead).patch("/api/v1/comment/" + comment, Map.of("message", "changed")).status()).isIn(200, 204);

        Document alertPage = Jsoup.parse(browser(named).get("/alerts/" + alert.substring(1)).body());
        assertThat(alertPage.text()).contains(hiddenTitle);
        assertThat(alertPage.select("#imported-hidden")).isEmpty();
        Document tasks = Jsoup.parse(browser(named).get("/tasks?status=all&assignee=").body());
        assertThat(tasks.text()).contains(hiddenTitle + " task");
        assertThat(seenInOnObservablesTab(named)).containsExactly("#" + number(api, hiddenCase));
    }

    @Test
    void theAuditTrailShowsNoneOfTheHiddenCasesEntriesToAColleagueItDoesNotName() {
        List<String> hiddenRecords = new java.util.ArrayList<>(List.of("case " + hiddenCase, "Task " + task, "Log " + log,
                "comment " + comment, "page " + page, "procedure " + procedure, "customEvent " + customEvent));
        as(lead).get("/api/v1/case/" + hiddenCase + "/observables").json().valueStream()
                .forEach(o -> hiddenRecords.add("observable " + o.get("_id").asString()));
        assertThat(hiddenRecords).as("with the case's observables").hasSizeGreaterThan(8);
        assertThat(as(lead).delete("/api/v1/comment/" + comment).status()).as("a deleted record keeps its case").isIn(200, 204);

        List<String> seen = auditedIds(auditor);
        assertThat(seen).as("the open case's entries").contains("case " + openCase);
        assertThat(seen).as("entries of the hidden case and its records").doesNotContainAnyElementsOf(hiddenRecords);
        assertThat(as(auditor).get("/api/v1/audit?limit=1000").json().toString()).as("the open case's link to it")
                .doesNotContain(hiddenTitle);
        assertThat(auditedIds(auditor, 3)).as("a page holds its limit of visible entries").hasSize(3);
        assertThat(as(auditor).get("/api/v1/audit?entity=case&entityId=" + hiddenCase).json().size()).isZero();
        assertThat(homeActivity(auditor)).as("the home page's activity").isNotBlank().doesNotContain(hiddenTitle);

        List<String> named = auditedIds(namedAuditor);
        assertThat(named).as("a user the case names").contains("case " + openCase).containsAll(hiddenRecords);
        assertThat(named).as("the comment's creation and deletion").containsSubsequence("comment " + comment, "comment " + comment);
        assertThat(as(namedAuditor).get("/api/v1/audit?limit=1000").json().toString()).contains(hiddenTitle);
        assertThat(homeActivity(namedAuditor)).contains(hiddenTitle);
    }

    @Test
    void aDeletedRestrictedCaseKeepsItsTrailHiddenFromColleaguesItDidNotName() {
        var deleted = as(namedAuditor).delete("/api/v1/case/" + hiddenCase);
        assertThat(deleted.status()).as(deleted.toString()).isIn(200, 204);
        assertThat(as(lead).get("/api/v1/case/" + hiddenCase).status()).isEqualTo(404);

        assertThat(auditedIds(auditor)).as("the deleted case's entries, its deletion included")
                .doesNotContain("case " + hiddenCase, "Task " + task, "comment " + comment);
        assertThat(as(auditor).get("/api/v1/audit?limit=1000").json().toString()).doesNotContain(hiddenTitle);
        assertThat(homeActivity(auditor)).doesNotContain(hiddenTitle);
        assertThat(auditedIds(namedAuditor)).as("a user the case named").contains("case " + hiddenCase, "Task " + task);
        assertThat(as(namedAuditor).get("/api/v1/audit?limit=1000").json().toString()).contains(hiddenTitle);
    }

    private List<String> auditedIds(String login) {
        return auditedIds(login, 1000);
    }

    /** "Task ~12": each entry's type and record, newest first. */
    private List<String> auditedIds(String login, int limit) {
        var trail = as(login).get("/api/v1/audit?limit=" + limit);
        assertThat(trail.status()).as(trail.toString()).isEqualTo(200);
        return trail.json().valueStream().map(e -> e.get("objectType").asString() + " " + e.get("objectId").asString()).toList();
    }

    private String homeActivity(String login) {
        var home = browser(login).get("/");
        assertThat(home.status()).isEqualTo(200);
        return Jsoup.parse(home.body()).select("#home-activity").text();
    }

    private TestApi as(String login) {
        return TestApi.withPassword(port, login, PASSWORD);
    }

    private BrowserSession browser(String login) {
        var browser = new BrowserSession(port);
        browser.login(login, PASSWORD);
        return browser;
    }

    /** The cases the open case's observables tab says its values were seen in (read for the whole page at once). */
    private List<String> seenInOnObservablesTab(String login) {
        var tab = browser(login).get("/cases/" + number(as(login), openCase) + "?tab=observables");
        assertThat(tab.status()).isEqualTo(200);
        return Jsoup.parse(tab.body()).select(".seen a").eachText();
    }

    private static String created(TestApi.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("_id").asString();
    }

    /** The case's {@code extraData.links.caseLinks} as the query API answers them. */
    private static JsonNode caseLinksOf(TestApi api, String caseId) {
        var found = api.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "getCase", "idOrName", caseId),
                Map.of("_name", "page", "from", 0, "to", 1, "extraData", List.of("links")))));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        return found.json().get(0).get("extraData").get("links").get("caseLinks");
    }

    private static List<String> timelineKinds(TestApi api, String caseId) {
        var timeline = api.get("/api/v1/case/" + caseId + "/timeline");
        assertThat(timeline.status()).as(timeline.toString()).isEqualTo(200);
        return timeline.json().get("events").valueStream().map(e -> e.get("kind").asString()).toList();
    }
}
