package io.sightline.server.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The Notes tab of a case (pages and comments) clicked through in headless Chromium; skipped without it. */
class UiCaseNotesBrowserTest extends BrowserHubTest {
    private static final String HOSTILE = "<img src=x onerror=\"document.title='owned'\"> **bold**";
    /** HOSTILE as Markdown shows it: the HTML as text, the emphasis applied. */
    private static final String SHOWN = "<img src=x onerror=\"document.title='owned'\"> bold";

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

}
