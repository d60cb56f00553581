package io.sightline.server.web;

import io.sightline.server.support.H2Database;
import io.sightline.server.support.HubTest;
import io.sightline.testkit.cortex.CortexEmulator;
import io.sightline.testkit.cortex.CortexEmulatorOptions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The analyzers of an observable's row over HTTP, as the UI's htmx requests them (no browser):
 * the "Run analyzers" menu, a job started from it, its polled status and its full report.
 */
@ContextConfiguration(initializers = H2Database.class)
class AnalyzerUiTest extends HubTest {
    private static final String VT = "VirusTotal_GetReport_3_1";
    private static final CortexEmulator CORTEX = CortexEmulator.start(CortexEmulatorOptions.defaults().withJobCache(Duration.ZERO));

    @DynamicPropertySource
    static void cortex(DynamicPropertyRegistry r) {
        r.add("cortex.servers[0].name", () -> "ui-cortex");
        r.add("cortex.servers[0].url", CORTEX::baseUrl);
        r.add("cortex.servers[0].auth.type", () -> "bearer");
        r.add("cortex.servers[0].auth.key", CORTEX::apiKey);
        r.add("cortex.refreshDelay", () -> "200 milliseconds");
        r.add("cortex.statusCheckInterval", () -> "300 milliseconds");
    }

    @Test
    void runsAnAnalyzerFromTheRowAndShowsItsStatusAndReport() {
        String caseId = createCase(admin, unique("analyzers"));
        var added = admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", "hash", "data", "b".repeat(64)));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String observable = added.json().get(0).get("_id").asString().substring(1);
        var browser = new BrowserSession(port);
        browser.login("admin", ADMIN_PASSWORD);

        String row = browser.get("/observables/" + observable).body();
        assertThat(row).contains("<summary class=\"button small\">Run analyzers</summary>")
                .contains("name=\"cortexId\" value=\"ui-cortex\"")
                .contains(">" + VT + "</button>");
        String analyzerId = between(row, "name=\"analyzerId\" value=\"", "\"");
        String token = BrowserSession.token(browser.get("/cases").body());

        String started = browser.post("/observables/" + observable + "/jobs",
                Map.of("analyzerId", analyzerId, "cortexId", "ui-cortex"), token).body();
        assertThat(started).contains("<span class=\"job-analyzer\">" + VT + "</span>");
        String job = between(started, "id=\"job-", "\"");
        assertThat(started).contains("hx-get=\"/jobs/" + job + "/status\"");

        var jobJson = admin.get("/api/connector/cortex/job/~" + job);
        assertThat(jobJson.json().get("analyzerName").asString()).isEqualTo(VT);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "Success".equals(admin.get("/api/connector/cortex/job/~" + job).json().get("status").asString()));

        String status = browser.get("/jobs/" + job + "/status").body();
        assertThat(status).contains("class=\"job job-success\"").doesNotContain("every 2s")
                .contains("href=\"/jobs/" + job + "/report\"")
                .contains("hx-get=\"/observables/" + observable + "\""); // the row reloads with its new badges
        String report = browser.get("/jobs/" + job + "/report").body();
        assertThat(report).contains("<h1 id=\"report-title\">" + VT + " report</h1>")
                .contains("<dd id=\"report-status\">Success</dd>")
                .contains("<dd>ui-cortex</dd>")
                .contains("id=\"full-report\"").contains("&quot;success&quot; : true");
    }

    private static String between(String text, String before, String after) {
        int from = text.indexOf(before);
        assertThat(from).as("%s in %s", before, text).isNotNegative();
        from += before.length();
        return text.substring(from, text.indexOf(after, from));
    }
}
