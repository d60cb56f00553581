package io.sightline.server.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.sightline.server.support.H2Database;
import io.sightline.server.support.HubTest;
import io.sightline.testkit.cortex.CortexEmulator;
import io.sightline.testkit.cortex.CortexEmulatorOptions;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
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
@ContextConfiguration(initializers = H2Database.class)
@Import(UiTestBeans.class)
class UiHistoryBrowserTest extends HubTest {
    private static final String VT = "VirusTotal_GetReport_3_1";
    private static final String HASH = "c".repeat(64);
    private static final CortexEmulator CORTEX = CortexEmulator.start(CortexEmulatorOptions.defaults().withJobCache(Duration.ZERO));
    private static Playwright playwright;
    private static Browser browser;
    private BrowserContext context;
    private Page page;

    @DynamicPropertySource
    static void cortex(DynamicPropertyRegistry r) {
        r.add("cortex.servers[0].name", () -> "history-cortex");
        r.add("cortex.servers[0].url", CORTEX::baseUrl);
        r.add("cortex.servers[0].auth.type", () -> "bearer");
        r.add("cortex.servers[0].auth.key", CORTEX::apiKey);
        r.add("cortex.refreshDelay", () -> "200 milliseconds");
        r.add("cortex.statusCheckInterval", () -> "300 milliseconds");
    }

    @BeforeAll
    static void startBrowser() throws Exception {
        if (!Files.isExecutable(UiBrowserTest.CHROMIUM)) {
            Assumptions.abort("Browser tests SKIPPED: no Chromium at " + UiBrowserTest.CHROMIUM);
        }
        Files.createDirectories(UiBrowserTest.SCREENSHOTS);
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                .setExecutablePath(UiBrowserTest.CHROMIUM).setArgs(List.of("--no-sandbox", "--disable-gpu",
                        "--disable-background-networking", "--disable-component-update", "--no-first-run")));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
        CORTEX.close();
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1360, 900));
        context.setDefaultTimeout(20_000);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
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

    private void logIn() {
        page.navigate(url("/login"));
        page.fill("input[name=username]", "admin");
        page.fill("input[name=password]", ADMIN_PASSWORD);
        page.click("button[type=submit]");
        assertThat(page.locator("#logout")).isVisible();
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(UiBrowserTest.SCREENSHOTS.resolve(name + ".png")).setFullPage(true)
                .setTimeout(60_000));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
