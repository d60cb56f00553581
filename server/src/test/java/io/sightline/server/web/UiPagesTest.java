package io.sightline.server.web;

import io.sightline.server.support.H2Database;
import io.sightline.server.support.HubTest;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** List filters and paging, and the alert actions, driven through the UI's forms over HTTP. */
@ContextConfiguration(initializers = H2Database.class)
@Import(UiTestBeans.class)
class UiPagesTest extends HubTest {
    private static final Pattern CASE_LINK = Pattern.compile("class=\"case-title\"");

    @Test
    void filtersAndPagesTheCaseList() {
        String tag = unique("batch");
        for (int i = 0; i < 23; i++) {
            var r = admin.post("/api/v1/case", Map.of("title", "Batch case " + i + " " + tag, "description", "d",
                    "tags", List.of(tag), "severity", i < 3 ? 4 : 1));
            assertThat(r.status()).isEqualTo(201);
        }
        var browser = new BrowserSession(port);
        browser.login("admin", ADMIN_PASSWORD);

        String first = browser.get("/cases?tag=" + tag).body();
        assertThat(rows(first)).isEqualTo(ListQuery.PAGE_SIZE);
        assertThat(first).contains("Page 1 of 2").contains("<span class=\"count\">23</span>");
        assertThat(first).contains("href=\"/cases?tag=" + tag + "&amp;page=2\"");
        assertThat(rows(browser.get("/cases?tag=" + tag + "&page=2").body())).isEqualTo(3);
        assertThat(rows(browser.get("/cases?tag=" + tag + "&severity=4").body())).isEqualTo(3);
        assertThat(rows(browser.get("/cases?q=batch+case+7+" + tag).body())).isEqualTo(1);
        assertThat(rows(browser.get("/cases?tag=" + tag + "&status=Resolved").body())).isZero();
    }

    @Test
    void filtersTheAlertListBySourceAndShowsTheFiltersBack() {
        String feed = unique("feed");
        for (String source : List.of(feed, feed + "-other")) {
            var r = admin.post("/api/v1/alert", Map.of("type", "external", "source", source, "sourceRef", unique("ref"),
                    "title", "From " + source, "description", "d", "severity", 3, "tags", List.of(feed)));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
        var browser = new BrowserSession(port);
        browser.login("admin", ADMIN_PASSWORD);

        String list = browser.get("/alerts?source=" + feed + "&severity=3&tag=" + feed).body();
        assertThat(list).contains("From " + feed + "<").doesNotContain("From " + feed + "-other");
        assertThat(list).contains("name=\"source\" placeholder=\"Source\" value=\"" + feed + "\"")
                .contains("name=\"tag\" placeholder=\"Tag\" value=\"" + feed + "\"")
                .contains("<option value=\"3\" selected=\"selected\">");
        assertThat(browser.get("/alerts?tag=" + feed + "&severity=1").body()).contains("No alert matches.");
    }

    @Test
    void mergesAnAlertIntoACaseAndIgnoresAnother() {
        String caseId = createCase(admin, unique("target"));
        long number = admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
        String merged = alert("merge me", "198.51.100.23");
        String ignored = alert("noise", "198.51.100.99");
        var browser = new BrowserSession(port);
        browser.login("admin", ADMIN_PASSWORD);

        String page = browser.get("/alerts/" + merged.substring(1)).body();
        var answer = browser.post("/alerts/" + merged.substring(1) + "/merge", Map.of("caseNumber", "#" + number),
                BrowserSession.token(page));
        assertThat(answer.location()).endsWith("/cases/" + number);
        assertThat(admin.get("/api/v1/case/" + caseId + "/observables").body()).contains("198.51.100.23");
        assertThat(admin.get("/api/v1/alert/" + merged).json().get("status").asString()).isEqualTo("Imported");
        assertThat(browser.get("/alerts/" + merged.substring(1)).body()).contains("This alert was imported into")
                .contains("href=\"/cases/" + number + "\"");

        var ignore = browser.post("/alerts/" + ignored.substring(1) + "/ignore", Map.of(), BrowserSession.token(page));
        assertThat(ignore.status()).isEqualTo(302);
        String ignoredList = browser.get("/alerts?status=Ignored").body();
        assertThat(ignoredList).contains("noise");
        assertThat(ignoredList).doesNotContain("merge me");
    }

    @Test
    void aRefusedActionComesBackAsAMessageOnThePage() {
        String caseId = createCase(admin, unique("closing"));
        long number = admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
        var browser = new BrowserSession(port);
        browser.login("admin", ADMIN_PASSWORD);
        String page = browser.get("/cases/" + number).body();
        var refused = browser.post("/cases/" + number + "/close", Map.of("status", "TruePositive", "summary", " "),
                BrowserSession.token(page));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(browser.get("/cases/" + number).body()).contains("Closing a case requires a summary");
        assertThat(admin.get("/api/v1/case/" + caseId).json().get("status").asString()).isEqualTo("New");
        assertThat(browser.get("/cases/999999").status()).isEqualTo(404);
    }

    @Test
    void withoutMispOrCortexServersTheSlotsSaySoAndAnExportIsRefusedWithAReason() {
        String caseId = createCase(admin, unique("no-connectors"));
        long number = admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
        assertThat(admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", "domain", "data", "unseen.example"))
                .status()).isEqualTo(201);
        var browser = new BrowserSession(port);
        browser.login("admin", ADMIN_PASSWORD);
        String observables = browser.get("/cases/" + number + "?tab=observables").body();
        assertThat(observables).contains("no report or dossier").contains("No Cortex server is configured");
        String card = browser.get("/cases/" + number + "/export").body();
        assertThat(card).contains("No MISP server is configured for export.").doesNotContain("misp-export-form");
        var refused = browser.post("/cases/" + number + "/export", Map.of("server", "<i>nowhere</i>"), BrowserSession.token(observables));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("MISP server &lt;i&gt;nowhere&lt;/i&gt; not found");
        assertThat(browser.get("/jobs/999999/status").status()).isEqualTo(404);
    }

    private String alert(String title, String ip) {
        var r = admin.post("/api/v1/alert", Map.of("type", "misp", "source", "MISP", "sourceRef", unique("event"),
                "title", title + " " + unique("a"), "description", "from MISP",
                "observables", List.of(Map.of("dataType", "ip", "data", ip))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("_id").asString();
    }

    private static int rows(String html) {
        Matcher m = CASE_LINK.matcher(html);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}
