package io.sightline.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.sightline.server.support.H2Database;
import io.sightline.server.support.HubTest;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.ContextConfiguration;

/**
 * A hub on H2 clicked through in headless Chromium, skipped with a visible message where there is
 * none: one browser per test class, a fresh context (1360 x 900) and page for each test.
 */
@ContextConfiguration(initializers = H2Database.class)
abstract class BrowserHubTest extends HubTest {
    private static Playwright playwright;
    protected static Browser browser;
    protected BrowserContext context;
    protected Page page;

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
        browser = null;
        playwright = null;
    }

    @BeforeEach
    void openPage() {
        open(true);
    }

    @AfterEach
    void closePage() {
        if (context != null) context.close();
    }

    /** A new context and page in place of the current ones, with scripts on or off. */
    protected void open(boolean scripts) {
        if (context != null) context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1360, 900).setJavaScriptEnabled(scripts));
        context.setDefaultTimeout(20_000);
        page = context.newPage();
        watch(page);
    }

    /** What a test class listens to on each new page (requests, dialogs, answers); nothing by default. */
    protected void watch(Page newPage) {}

    protected void logIn() {
        logIn("admin", ADMIN_PASSWORD);
    }

    protected void logIn(String login, String password) {
        page.navigate(url("/login"));
        page.fill("input[name=username]", login);
        page.fill("input[name=password]", password);
        page.click("button[type=submit]");
        assertThat(page.locator("#logout")).isVisible();
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
