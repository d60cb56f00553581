package io.sightline.server.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The Tasks tab of a case clicked through in headless Chromium; skipped without it. */
class UiCaseTasksBrowserTest extends BrowserHubTest {
    private static final String HOSTILE = "<img src=x onerror=\"document.title='owned'\"> **bold**";
    /** HOSTILE as Markdown shows it: the HTML as text, the emphasis applied. */
    private static final String SHOWN = "<img src=x onerror=\"document.title='owned'\"> bold";

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

        page.locator("article.task button", new Page.LocatorOptions().setHasText("Close")).click();
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

}
