package io.sightline.server.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The comments of an alert page (the case's thread, on the alert) clicked through in headless Chromium; skipped without it. */
class UiAlertCommentsBrowserTest extends BrowserHubTest {
    private static final String HOSTILE = "<img src=x onerror=\"document.title='owned'\"> **bold**";
    /** HOSTILE as Markdown shows it: the HTML as text, the emphasis applied. */
    private static final String SHOWN = "<img src=x onerror=\"document.title='owned'\"> bold";

    @Test
    void commentsOnAnAlertAreWrittenEditedAndDeletedInPlaceAndPagedFromTheNewest() {
        String alertId = alert();
        for (int i = 1; i <= 51; i++) {
            assertThat(admin.post("/api/v1/alert/" + alertId + "/comment", Map.of("message", "triage note " + i)).status()).isEqualTo(201);
        }
        logIn();
        page.navigate(url("/alerts/" + alertId.substring(1)));
        Locator thread = page.locator("#alert-comments #comment-thread");
        assertThat(thread.locator("li.comment")).hasCount(50);
        assertThat(thread.locator(".comment-message").last()).hasText("triage note 51");
        assertThat(thread.locator("li.comment").last()).containsText("admin");
        assertThat(page.locator("#comment-pager")).containsText("page 1 of 2 from the newest");
        page.locator("#comment-pager a", new Page.LocatorOptions().setHasText("Older comments")).click();
        assertThat(thread.locator("li.comment")).hasCount(1);
        assertThat(thread.locator(".comment-message")).hasText("triage note 1");
        page.locator("#comment-pager a", new Page.LocatorOptions().setHasText("Newer comments")).click();
        assertThat(thread.locator("li.comment")).hasCount(50);

        // every change swaps the thread: the page itself is never reloaded
        page.evaluate("window.stillThisPage = true");
        page.fill("#comment-message", "   ");
        page.evaluate("document.getElementById('comment-message').removeAttribute('required')");
        page.click("#comment-submit");
        assertThat(page.locator("#comment-form .field-error[data-field=message]")).hasText("Message must not be empty");

        page.fill("#comment-message", "Beacon confirmed\n" + HOSTILE);
        page.click("#comment-submit");
        assertThat(page.locator("#messages")).containsText("Comment added");
        Locator newest = thread.locator("li.comment").last();
        assertThat(newest.locator(".comment-message")).hasText("Beacon confirmed " + SHOWN);
        assertThat(newest.locator(".comment-message strong")).hasText("bold");
        assertThat(page.locator("#alert-comments img")).hasCount(0);
        assertThat(page.locator("#comment-message")).hasValue("");
        assertThat(page.title()).doesNotContain("owned");

        newest.locator("summary").click();
        newest.locator("textarea[name=message]").fill("Beacon confirmed by the proxy logs");
        newest.locator("button", new Locator.LocatorOptions().setHasText("Save")).click();
        assertThat(page.locator("#messages")).containsText("Comment edited");
        assertThat(thread.locator("li.comment").last()).containsText("edited");
        assertThat(thread.locator(".comment-message").last()).hasText("Beacon confirmed by the proxy logs");
        page.screenshot(new Page.ScreenshotOptions().setPath(UiBrowserTest.SCREENSHOTS.resolve("alert-comments.png")).setFullPage(true)
                .setTimeout(60_000));

        thread.locator("li.comment").last().locator("summary").click();
        thread.locator("li.comment").last().locator("button.danger").click();
        assertThat(page.locator("#messages")).containsText("Comment deleted");
        assertThat(thread.locator(".comment-message").last()).hasText("triage note 51");
        assertThat(page.evaluate("window.stillThisPage === true")).isEqualTo(true);

        assertThat(comments(alertId).size()).isEqualTo(51);
        var audit = admin.get("/api/v1/audit?entity=comment&limit=3").json();
        assertThat(audit.valueStream().map(e -> e.get("action").asString()).toList()).containsExactly("delete", "update", "create");
    }

    @Test
    void withoutScriptsTheCommentFormPostsAndComesBackToTheAlert() {
        String alertId = alert();
        open(false);
        logIn();
        page.navigate(url("/alerts/" + alertId.substring(1) + "/comments"));
        page.fill("#comment-message", "written without scripts");
        page.click("#comment-submit");
        assertThat(page.locator("#messages")).containsText("Comment added");
        assertThat(page.locator("#alert-title")).isVisible();
        assertThat(comments(alertId).get(0).get("message").asString())
                .isEqualTo("written without scripts");
    }

    private tools.jackson.databind.JsonNode comments(String alertId) {
        return admin.post("/api/v1/query", Map.of("query", java.util.List.of(Map.of("_name", "getAlert", "idOrName", alertId),
                Map.of("_name", "comments")))).json();
    }

    private String alert() {
        var r = admin.post("/api/v1/alert", Map.of("type", "misp", "source", "MISP", "sourceRef", unique("event"),
                "title", "Beacon to C2", "description", "from MISP"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("_id").asString();
    }
}
