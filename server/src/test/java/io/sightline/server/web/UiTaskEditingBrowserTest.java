package io.sightline.server.web;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A task edited, logged with a file, its file downloaded and deleted on the case's Tasks tab, in headless Chromium; skipped without it. */
class UiTaskEditingBrowserTest extends BrowserHubTest {

    @Test
    void editsEveryFieldOfATaskInPlaceAndKeepsARefusedFormAsTyped() throws Exception {
        String caseId = createCase(admin, unique("edit tasks"));
        long number = admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
        String taskId = admin.post("/api/v1/case/" + caseId + "/task", Map.of("title", "Contain", "group", "default"))
                .json().get("_id").asString();
        String org = admin.get("/api/v1/user/current").json().get("organisation").asString();
        String analyst = unique("analyst") + "@" + org;
        assertThat(admin.post("/api/v1/user", Map.of("login", analyst, "name", "Ana Lyst", "profile", "analyst",
                "organisation", org)).status()).isEqualTo(201);
        logIn();
        page.navigate(url("/cases/" + number + "?tab=tasks"));
        page.evaluate("window.stillThisPage = true");
        Locator task = page.locator("article.task");

        // a refused edit: the form stays open with what was typed and each message at its field
        task.locator(".task-edit summary").click();
        Locator form = task.locator("form.task-edit-form");
        form.locator("input[name=title]").fill("");
        form.locator("input[name=group]").evaluate("el => { el.removeAttribute('maxlength'); el.value = 'g'.repeat(70); }");
        form.locator("textarea[name=description]").fill("Isolate **host-17** from the network");
        form.locator("button[type=submit]").click();
        assertThat(page.locator("article.task .field-error[data-field=title]")).containsText("Field title of task must not be empty");
        assertThat(page.locator("article.task .field-error[data-field=group]")).containsText("at most 64");
        assertThat(page.locator("article.task textarea[name=description]")).hasValue("Isolate **host-17** from the network");
        assertThat(page.locator("article.task form.task-edit-form")).isVisible();
        assertThat(admin.get("/api/v1/task/" + taskId).json().get("title").asString()).isEqualTo("Contain");

        form = page.locator("article.task form.task-edit-form");
        form.locator("input[name=title]").fill("Contain the host");
        form.locator("input[name=group]").fill("containment");
        form.locator("input[name=dueDate]").fill("2026-12-24T09:30");
        form.locator("select[name=assignee]").selectOption(analyst);
        form.locator("input[name=order]").fill("3");
        form.locator("input[name=flag]").check();
        form.locator("input[name=mandatory]").check();
        form.locator("button[type=submit]").click();
        assertThat(page.locator("#messages")).containsText("Task saved");
        task = page.locator("article.task");
        assertThat(page.locator(".task-group h2")).hasText("containment");
        assertThat(task.locator(".task-title")).hasText("Contain the host");
        assertThat(task.locator(".task-assignee")).hasText(analyst);
        assertThat(task.locator(".task-due")).hasText("Due 2026-12-24 09:30 UTC");
        assertThat(task.locator(".task-flag")).isVisible();
        assertThat(task.locator(".task-mandatory")).isVisible();
        assertThat(task.locator(".task-description strong")).hasText("host-17");

        var stored = admin.get("/api/v1/task/" + taskId).json();
        assertThat(stored.get("title").asString()).isEqualTo("Contain the host");
        assertThat(stored.get("group").asString()).isEqualTo("containment");
        assertThat(stored.get("assignee").asString()).isEqualTo(analyst);
        assertThat(stored.get("dueDate").asLong()).isEqualTo(java.time.Instant.parse("2026-12-24T09:30:00Z").toEpochMilli());
        assertThat(stored.get("order").asInt()).isEqualTo(3);
        assertThat(stored.get("flag").asBoolean()).isTrue();
        assertThat(stored.get("mandatory").asBoolean()).isTrue();

        task.locator("button", new Locator.LocatorOptions().setHasText("Start")).click();
        assertThat(page.locator("article.task .task-status")).hasText("InProgress");
        page.locator("article.task button", new Page.LocatorOptions().setHasText("Cancel")).click();
        assertThat(page.locator("article.task .task-status")).hasText("Cancel");
        assertThat(page.evaluate("window.stillThisPage === true")).isEqualTo(true);
        page.screenshot(new Page.ScreenshotOptions().setPath(UiBrowserTest.SCREENSHOTS.resolve("case-task-edited.png"))
                .setFullPage(true).setTimeout(60_000));
    }

    @Test
    void logsWorkWithAFileThatIsListedDownloadedAndDeleted() throws Exception {
        String caseId = createCase(admin, unique("log files"));
        long number = admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
        String taskId = admin.post("/api/v1/case/" + caseId + "/task", Map.of("title", "Collect evidence"))
                .json().get("_id").asString();
        byte[] content = "pid,name\n4242,evil.exe\n".getBytes(StandardCharsets.UTF_8);
        logIn();
        page.navigate(url("/cases/" + number + "?tab=tasks"));
        Locator logForm = page.locator("article.task form.log-form");
        assertThat(logForm).containsText("At most 100 MB per file");

        logForm.locator("textarea[name=message]").fill("process list of host-17");
        logForm.locator("input[name=attachments]").setInputFiles(new FilePayload("processes.csv", "text/csv", content));
        logForm.locator("button[type=submit]").click();
        assertThat(page.locator("#messages")).containsText("Log added with 1 file(s)");
        Locator file = page.locator("article.task .log-file");
        assertThat(file.locator("a.log-file-link")).hasText("processes.csv");
        assertThat(file).containsText("23 bytes");

        Download download = page.waitForDownload(() -> file.locator("a.log-file-link").click());
        assertThat(download.suggestedFilename()).isEqualTo("processes.csv");
        assertThat(Files.readAllBytes(download.path())).isEqualTo(content);
        page.screenshot(new Page.ScreenshotOptions().setPath(UiBrowserTest.SCREENSHOTS.resolve("case-task-log-file.png"))
                .setFullPage(true).setTimeout(60_000));

        file.locator("button", new Locator.LocatorOptions().setHasText("Delete file")).click();
        assertThat(page.locator("#messages")).containsText("File processes.csv deleted");
        assertThat(page.locator("article.task .log-file")).hasCount(0);
        assertThat(page.locator("article.task .log-message")).hasText("process list of host-17");
        var log = admin.get("/api/v1/task/" + taskId + "/log").json().get(0);
        assertThat(log.get("message").asString()).isEqualTo("process list of host-17");
        assertThat(log.path("attachments").size()).isZero();
    }
}
