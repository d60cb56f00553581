package io.sightline.server.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.sightline.server.support.H2Database;
import io.sightline.server.support.HubTest;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The case page's ATT&CK techniques and timeline cards, clicked through in headless Chromium. */
@ContextConfiguration(initializers = H2Database.class)
@Import(UiTestBeans.class)
class UiCaseTimelineTest extends HubTest {
    private static Playwright playwright;
    private static Browser browser;

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
    }

    @Test
    void addsATechniqueAndACustomEventOnTheCasePage() {
        String caseId = createCase(admin, "intrusion with <b>markup</b>");
        long number = admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1360, 900))) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            page.navigate(url("/login"));
            page.fill("input[name=username]", "admin");
            page.fill("input[name=password]", ADMIN_PASSWORD);
            page.click("button[type=submit]");
            assertThat(page.locator("#logout")).isVisible();

            page.navigate(url("/cases/" + number));
            Locator ttps = page.locator("#case-ttps");
            assertThat(ttps).containsText("No ATT&CK technique recorded.");
            ttps.locator("input[name=patternId]").fill("T1059.006");
            ttps.locator("input[name=tactic]").fill("execution");
            ttps.locator("input[name=description]").fill("<img src=https://attacker.example/x.png> dropper");
            page.locator("#ttp-add").click();
            Locator row = page.locator("#ttp-list tbody tr");
            assertThat(row).containsText("T1059.006");
            assertThat(row).containsText("Python");
            assertThat(row).containsText("Execution");
            // What the analyst typed is shown as text: no image is fetched from elsewhere.
            assertThat(row).containsText("<img src=https://attacker.example/x.png> dropper");
            assertThat(page.locator("#case-ttps img")).hasCount(0);

            page.locator("#case-ttps input[name=patternId]").fill("T0000");
            page.locator("#ttp-add").click();
            assertThat(page.locator("#ttp-error")).containsText("Unknown ATT&CK pattern T0000");

            Locator timeline = page.locator("#case-timeline");
            assertThat(timeline).containsText("CaseCreated");
            timeline.locator("input[name=title]").fill("Firewall blocked the C2 <script>x</script>");
            timeline.locator("input[name=date]").fill("2026-01-02T03:04");
            page.locator("#event-add").click();
            Locator custom = page.locator("#timeline-events li[data-kind=CustomEvent]");
            assertThat(custom).containsText("Firewall blocked the C2 <script>x</script>");
            assertThat(custom).containsText("2026-01-02 03:04 UTC");
            assertThat(page.locator("#timeline-events li[data-kind=Procedure]")).containsText("Python");
            page.screenshot(new Page.ScreenshotOptions().setPath(UiBrowserTest.SCREENSHOTS.resolve("case-ttps-timeline.png"))
                    .setFullPage(true).setTimeout(60_000));
        }
        var events = admin.get("/api/v1/case/" + caseId + "/timeline").json().get("events");
        assertThat(events.toString()).contains("Firewall blocked the C2");
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
