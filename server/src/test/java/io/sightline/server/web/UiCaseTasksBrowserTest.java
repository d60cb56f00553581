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

/** The Tasks tab of a case clicked through in headless Chromium; skipped without it. */
@ContextConfiguration(initializers = H2Database.class)
class UiCaseTasksBrowserTest extends HubTest {
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
    void addsATaskStartsItLogsWorkAsWrittenAndCompletesIt() {
        String caseId = createCase(admin, unique("tasks"));
        long number = admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
        logIn();
        page.navigate(url("/cases/" + number));
        page.click("#tab-tasks");
        assertThat(page.locator("#case-tasks")).containsText("No task yet.");

        page.fill("#task-title", "Contain the host");
        page.fill("#task-group", "response");
        page.click("#task-submit");
        assertThat(page.locator("#messages")).containsText("Task added");
        Locator task = page.locator("article.task");
        assertThat(page.locator(".task-group h2")).hasText("response");
        assertThat(task.locator(".task-title")).hasText("Contain the host");
        assertThat(task.locator(".task-status")).hasText("Waiting");

        task.locator("button", new Locator.LocatorOptions().setHasText("Start")).click();
        assertThat(page.locator("#messages")).containsText("Task set to InProgress");
        assertThat(page.locator("article.task .task-status")).hasText("InProgress");

        page.fill("article.task textarea[name=message]", "isolated at 09:05\n" + HOSTILE);
        page.click("article.task .log-form button");
        assertThat(page.locator("#messages")).containsText("Log added");
        assertThat(page.locator("article.task .log-message")).hasText("isolated at 09:05 " + SHOWN);
        assertThat(page.locator("#case-tasks img")).hasCount(0);
        assertThat(page.title()).doesNotContain("owned");

        page.locator("article.task button", new Page.LocatorOptions().setHasText("Complete")).click();
        assertThat(page.locator("article.task .task-status")).hasText("Completed");

        var tasks = admin.get("/api/v1/case/" + caseId + "/task").json();
        assertThat(tasks.size()).isEqualTo(1);
        assertThat(tasks.get(0).get("status").asString()).isEqualTo("Completed");
        assertThat(tasks.get(0).get("startDate").asLong()).isPositive();
        assertThat(tasks.get(0).get("endDate").asLong()).isPositive();
        String taskId = tasks.get(0).get("_id").asString();
        var audit = admin.get("/api/v1/audit?entity=Task&entityId=" + taskId).json();
        assertThat(audit.valueStream().map(e -> e.get("action").asString()).toList()).containsExactly("update", "update", "create");
        assertThat(admin.get("/api/v1/task/" + taskId + "/log").json().get(0).get("message").asString()).endsWith(HOSTILE);
    }

    @Test
    void aLargeCaseShowsItsTasksAndCommentsByPageAndALogListOnDemand() {
        String caseId = createCase(admin, unique("large"));
        long number = admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
        String firstTask = null;
        for (int i = 1; i <= 55; i++) {
            String id = admin.post("/api/v1/case/" + caseId + "/task", Map.of("title", String.format("step %02d", i), "group", "g"))
                    .json().get("_id").asString();
            if (firstTask == null) firstTask = id;
        }
        for (int i = 1; i <= 5; i++) {
            admin.post("/api/v1/task/" + firstTask + "/log", Map.of("message", "log " + i, "startDate", 1_700_000_000_000L + i));
        }
        for (int i = 1; i <= 53; i++) admin.post("/api/v1/case/" + caseId + "/comment", Map.of("message", "comment " + i));
        logIn();

        page.navigate(url("/cases/" + number + "?tab=tasks"));
        assertThat(page.locator("#task-pager")).containsText("Tasks 1–50 of 55");
        assertThat(page.locator("article.task")).hasCount(50);
        Locator first = page.locator("article.task").first();
        assertThat(first.locator(".task-title")).hasText("step 01");
        assertThat(first.locator(".task-logs li")).hasCount(3);
        assertThat(first.locator(".task-logs li").first()).containsText("log 5");
        first.locator("a.more-logs").click();
        assertThat(first.locator(".task-logs li")).hasCount(5);
        assertThat(first.locator(".task-logs li").last()).containsText("log 1");
        assertThat(first.locator("a.more-logs")).hasCount(0);
        page.locator("#task-pager a", new Page.LocatorOptions().setHasText("Next")).click();
        assertThat(page.locator("#task-pager")).containsText("Tasks 51–55 of 55");
        assertThat(page.locator("article.task")).hasCount(5);
        assertThat(page.locator("article.task .task-title").first()).hasText("step 51");
        page.screenshot(new Page.ScreenshotOptions().setPath(UiBrowserTest.SCREENSHOTS.resolve("case-tasks-paged.png")).setFullPage(true));

        page.navigate(url("/cases/" + number + "?tab=notes"));
        assertThat(page.locator("#comment-list li.comment")).hasCount(50);
        assertThat(page.locator("#comment-list .comment-message").first()).hasText("comment 4");
        assertThat(page.locator("#comment-list .comment-message").last()).hasText("comment 53");
        page.locator("#comment-pager a", new Page.LocatorOptions().setHasText("Older comments")).click();
        assertThat(page.locator("#comment-list li.comment")).hasCount(3);
        assertThat(page.locator("#comment-list .comment-message").first()).hasText("comment 1");
        assertThat(page.locator("#comment-pager")).containsText("page 2 of 2");
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
