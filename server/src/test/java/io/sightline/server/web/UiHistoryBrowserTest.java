package io.sightline.server.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.sightline.testkit.cortex.CortexEmulator;
import io.sightline.testkit.cortex.CortexEmulatorOptions;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The case and alert histories in headless Chromium: one readable sentence per audit entry, the
 * observables and analyzer jobs of a case included, changed fields in words with before → after,
 * dates readable with the exact time on hover. Screenshots go to target/screenshots.
 */
@Import(UiTestBeans.class)
class UiHistoryBrowserTest extends BrowserHubTest {
    private static final String VT = "VirusTotal_GetReport_3_1";
    private static final String HASH = "c".repeat(64);
    private static final CortexEmulator CORTEX = CortexEmulator.start(CortexEmulatorOptions.defaults().withJobCache(Duration.ZERO));

    @DynamicPropertySource
    static void cortex(DynamicPropertyRegistry r) {
        r.add("cortex.servers[0].name", () -> "history-cortex");
        r.add("cortex.servers[0].url", CORTEX::baseUrl);
        r.add("cortex.servers[0].auth.type", () -> "bearer");
        r.add("cortex.servers[0].auth.key", CORTEX::apiKey);
        r.add("cortex.refreshDelay", () -> "200 milliseconds");
        r.add("cortex.statusCheckInterval", () -> "300 milliseconds");
    }

    @AfterAll
    static void stopCortex() {
        CORTEX.close();
    }

    @Test
    void aCaseHistoryTellsCaseObservableAndAnalyzerEventsAsSentences() {
        String title = "Loader <script>alert(1)</script> " + unique("case");
        String caseId = createCase(admin, title);
        long number = admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
        var added = admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", "hash", "data", HASH));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String observableId = added.json().get(0).get("_id").asString();
        assertThat(admin.patch("/api/v1/observable/" + observableId, Map.of("ioc", true)).status()).isEqualTo(200);
        var job = admin.post("/api/connector/cortex/job", Map.of("analyzerId", VT, "cortexId", "history-cortex", "artifactId", observableId));
        assertThat(job.status()).as(job.toString()).isEqualTo(201);
        String jobId = job.json().get("_id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "Success".equals(admin.get("/api/connector/cortex/job/" + jobId).json().get("status").asString()));
        logIn();

        page.navigate(url("/cases/" + number));
        page.click("text=Edit details");
        page.selectOption("#case-edit select[name=severity]", "3");
        page.fill("#case-edit input[name=tags]", "loader, triage");
        page.click("#case-edit button[type=submit]");
        assertThat(page.locator("#messages")).containsText("Case updated");
        page.click("text=History");

        Locator entries = page.locator("#audit-trail > li");
        Locator change = entries.first();
        assertThat(change.locator(".history-actor")).hasText("admin");
        assertThat(change.locator(".history-what")).hasText("changed the severity and tags of the case");
        assertThat(change.locator("table.changes tr", new Locator.LocatorOptions().setHasText("severity")))
                .hasText(Pattern.compile("severity\\s*MEDIUM\\s*→\\s*HIGH"));
        assertThat(change.locator("table.changes tr", new Locator.LocatorOptions().setHasText("tags")))
                .hasText(Pattern.compile("tags\\s*test\\s*→\\s*loader, triage"));
        // a readable date, the exact time on hover
        Locator when = change.locator("time.history-when");
        assertThat(when).hasText(Pattern.compile("\\d{1,2} [A-Z][a-z]{2} \\d{4} at \\d{2}:\\d{2} UTC"));
        assertThat(when).hasAttribute("title", Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC"));
        when.hover();

        Locator trail = page.locator("#audit-trail");
        String observable = "observable hash " + HASH;
        assertThat(trail).containsText("Cortex server history-cortex reported analyzer " + VT + " on " + observable + " succeeded");
        assertThat(trail).containsText("admin ran analyzer " + VT + " on " + observable + " with Cortex server history-cortex");
        assertThat(trail).containsText("admin changed the IOC flag of " + observable);
        assertThat(trail).containsText("admin added " + observable);
        assertThat(entries.last()).containsText("admin created the case “" + title + "”");
        assertThat(trail).not().containsText("1796");
        assertThat(page.locator("#audit-trail script")).hasCount(0);
        shot("case-history-sentences");
    }

    @Test
    void anAlertPageShowsItsHistory() {
        var created = admin.post("/api/v1/alert", Map.of("type", "misp", "source", "MISP", "sourceRef", unique("event"),
                "title", "Suspicious login", "description", "d", "severity", 1));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("_id").asString().substring(1);
        logIn();
        page.navigate(url("/alerts/" + id));
        page.onceDialog(dialog -> dialog.accept());
        page.click("#ignore");
        assertThat(page.locator("#messages")).containsText("Alert ignored");
        page.click("#alert-history-card summary");
        Locator history = page.locator("#alert-history-card #audit-trail");
        assertThat(history.locator("li").first()).containsText("admin ignored the alert");
        assertThat(history.locator("li").first().locator("table.changes")).containsText("status");
        assertThat(history.locator("li").first().locator("table.changes")).containsText("Ignored");
        assertThat(history.locator("li").last()).containsText("admin created the alert “Suspicious login”");
        shot("alert-history-sentences");
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(UiBrowserTest.SCREENSHOTS.resolve(name + ".png")).setFullPage(true)
                .setTimeout(60_000));
    }

}
