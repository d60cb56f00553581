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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The Notes tab of a case (pages and comments) clicked through in headless Chromium; skipped without it. */
@ContextConfiguration(initializers = H2Database.class)
class UiCaseNotesBrowserTest extends HubTest {
    private static final String HOSTILE = "<img src=x onerror=\"document.title='owned'\"> **bold**";
    /** HOSTILE as Markdown shows it: the HTML as text, the emphasis applied. */
    private static final String SHOWN = "<img src=x onerror=\"document.title='owned'\"> bold";
    private static Playwright playwright;
    private static Browser browser;
    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void startBrowser() {
        if (!Files.isExecutable(UiBrowserTest.CHROMIUM)) {
            Assumptions.abort("Browser tests SKIPPED: no Chromium at " + UiBrowserTest.CHROMIUM);
        }
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
    void writesAPageAndCommentsShowingTheirTextAsWritten() {
        String caseId = createCase(admin, unique("notes"));
        long number = admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
        logIn();
        page.navigate(url("/cases/" + number));
        page.click("#tab-notes");
        assertThat(page.locator("#case-notes")).containsText("No comment yet.");

        page.click("#add-page summary");
        page.fill("#page-form input[name=title]", "Timeline");
        page.fill("#page-form input[name=category]", "notes");
        page.fill("#page-form textarea[name=content]", "09:00 phishing mail\n09:05 " + HOSTILE);
        page.click("#page-form button[type=submit]");
        assertThat(page.locator("#messages")).containsText("Page added");
        Locator pageArticle = page.locator("article.case-page");
        assertThat(pageArticle.locator("h3")).containsText("Timeline");
        assertThat(pageArticle).containsText("09:05 " + SHOWN);
        assertThat(pageArticle.locator(".markdown strong")).hasText("bold");

        page.fill("#comment-message", HOSTILE);
        page.click("#comment-submit");
        assertThat(page.locator("#messages")).containsText("Comment added");
        Locator comment = page.locator("#comment-list li.comment");
        assertThat(comment.locator(".comment-message")).hasText(SHOWN);
        assertThat(comment.locator(".comment-message img")).hasCount(0);
        assertThat(page.locator("#case-notes img")).hasCount(0);
        assertThat(page.title()).doesNotContain("owned");

        comment.locator("summary").click();
        comment.locator("textarea[name=message]").fill("contained at 09:30");
        comment.locator("button", new Locator.LocatorOptions().setHasText("Save")).click();
        assertThat(page.locator("#messages")).containsText("Comment edited");
        assertThat(page.locator("#comment-list li.comment")).containsText("edited");
        assertThat(page.locator("#comment-list .comment-message")).hasText("contained at 09:30");

        page.locator("#comment-list li.comment summary").click();
        page.click("#comment-list button.danger");
        assertThat(page.locator("#messages")).containsText("Comment deleted");
        assertThat(page.locator("#case-notes")).containsText("No comment yet.");
        assertThat(latestActions("comment", 3)).containsExactly("delete", "update", "create");
        assertThat(latestActions("page", 1)).containsExactly("create");
    }

    /** The actions of the newest audit entries on that kind of record. */
    private List<String> latestActions(String entity, int count) {
        var entries = admin.get("/api/v1/audit?entity=" + entity + "&limit=" + count).json();
        List<String> actions = new java.util.ArrayList<>();
        for (var e : entries) actions.add(e.get("action").asString());
        return actions;
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
}
