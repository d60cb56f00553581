package io.sightline.server.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.sightline.server.intel.IntelIngestService;
import io.sightline.server.support.H2Database;
import io.sightline.server.support.HubTest;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The intel pages in headless Chromium (skipped without it): from an observable's "seen in intel"
 * marker to the report's page, its dossier, and the search. Screenshots: target/screenshots/intel-*.png.
 */
@ContextConfiguration(initializers = H2Database.class)
class UiIntelBrowserTest extends HubTest {
    private static final AtomicInteger SHOT = new AtomicInteger();
    private static Playwright playwright;
    private static Browser browser;
    private BrowserContext context;
    private Page page;

    @Autowired
    IntelIngestService intel;

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
    void seenInIntelLeadsToTheReportItsDossierAndTheSearch() {
        String dossierId = unique("dossier");
        var first = UiIntelContract.deliver(intel, dossierId, unique("Loader <b>campaign</b>"));
        var second = UiIntelContract.deliver(intel, dossierId, unique("Follow-up"));
        String caseId = createCase(admin, unique("Beacon case"));
        long number = admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
        admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", "ip", "data", first.ip()));

        logIn();
        page.navigate(url("/cases/" + number + "?tab=observables"));
        Locator marker = page.locator(".slot-intel a.intel-report");
        assertThat(marker).hasText("Report: " + first.reportName());
        marker.click();

        assertThat(page.locator("#intel-title")).hasText(first.reportName());
        assertThat(page.locator("#intel-values")).containsText(first.ip());
        assertThat(page.locator("#intel-values")).containsText(first.domain());
        assertThat(page.locator("#intel-objects tbody tr")).hasCount(2);
        assertThat(page.locator("#intel-matches .intel-match-case")).containsText("Case #" + number);
        shot("report");

        page.click("#report-dossier");
        assertThat(page.locator("#intel-title")).hasText("Dossier " + dossierId);
        assertThat(page.locator("#dossier-reports tbody tr")).hasCount(2);
        assertThat(page.locator("#intel-values tbody tr")).hasCount(4);
        assertThat(page.locator("#intel-values")).containsText(second.ip());
        shot("dossier");

        page.click("nav.mainnav a:text-is('Intel')");
        page.fill("#intel-q", second.domain());
        page.press("#intel-q", "Enter");
        assertThat(page.locator("#intel-found-values")).containsText(second.domain());
        assertThat(page.locator("#intel-reports tbody tr")).hasCount(1);
        assertThat(page.locator("#intel-reports .intel-report-link")).hasText(second.reportName());
        shot("search");
        page.locator("#intel-reports .intel-report-link").click();
        assertThat(page.locator("#intel-title")).hasText(second.reportName());
        assertThat(page.locator("#intel-matches")).containsText("No case or alert of your organisation holds these values.");
    }

    private void logIn() {
        page.navigate(url("/login"));
        page.fill("input[name=username]", "admin");
        page.fill("input[name=password]", ADMIN_PASSWORD);
        page.click("button[type=submit]");
        assertThat(page.locator("#logout")).isVisible();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void shot(String name) {
        String file = String.format("intel-%02d-%s.png", SHOT.incrementAndGet(), name);
        page.screenshot(new Page.ScreenshotOptions().setPath(UiBrowserTest.SCREENSHOTS.resolve(file)).setFullPage(true)
                .setTimeout(60_000));
    }
}
