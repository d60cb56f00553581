package io.sightline.server.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Analysts' Markdown on the case page, in headless Chromium (skipped without it): formatting shows,
 * hostile Markdown runs nothing and loads nothing remote, long texts show their first lines and "Show all".
 */
class UiMarkdownBrowserTest extends BrowserHubTest {
    private static final String NORMAL = "## Findings\n\n- first host\n- second host\n\nRun `whoami` then:\n\n"
            + "```\nnetstat -an\n```\n\n[vendor advisory](https://vendor.example/advisory)";
    private static final String HOSTILE = "<script>document.title='owned-script'</script>\n\n"
            + "<img src=x onerror=\"document.title='owned-img'\">\n\n"
            + "[click me](javascript:document.title='owned-link') "
            + "<a href=\"javascript:document.title='owned-raw'\">raw link</a>\n\n"
            + "![pixel](http://tracker.invalid/pixel.png)";
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final List<String> dialogs = new CopyOnWriteArrayList<>();

    @Override
    protected void watch(Page newPage) {
        newPage.onRequest(r -> requested.add(r.url()));
        newPage.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
    }

    @Test
    void rendersMarkdownAndNeutralisesHostileMarkdownEverywhereItIsShown() {
        String caseId = admin.post("/api/v1/case", Map.of("title", unique("markdown"), "description", NORMAL + "\n\n" + HOSTILE))
                .json().get("_id").asString();
        long number = admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
        String taskId = admin.post("/api/v1/case/" + caseId + "/task", Map.of("title", "triage")).json().get("_id").asString();
        assertThat(admin.post("/api/v1/task/" + taskId + "/log", Map.of("message", "**isolated** host\n\n" + HOSTILE)).status())
                .isEqualTo(201);
        assertThat(admin.post("/api/v1/case/" + caseId + "/comment", Map.of("message", "_noted_\n\n" + HOSTILE)).status())
                .isEqualTo(201);
        logIn();

        page.navigate(url("/cases/" + number));
        assertThat(page.locator("#case-description .long-text-preview h2")).hasText("Findings");
        Locator description = page.locator("#case-description .long-text-all");
        assertThat(description.locator("summary")).hasText("Show all (20 lines)");
        description.locator("summary").click();
        assertThat(description.locator("h2")).hasText("Findings");
        assertThat(description.locator("ul li")).hasCount(2);
        assertThat(description.locator("code").first()).hasText("whoami");
        assertThat(description.locator("pre code")).containsText("netstat -an");
        Locator advisory = description.locator("a", new Locator.LocatorOptions().setHasText("vendor advisory"));
        assertThat(advisory).hasAttribute("href", "https://vendor.example/advisory");
        assertThat(advisory).hasAttribute("rel", "nofollow noopener noreferrer");
        assertThat(description).containsText("<script>document.title='owned-script'</script>");
        assertNothingHostileIn(description);
        description.locator("a", new Locator.LocatorOptions().setHasText("click me")).click();

        page.click("#tab-tasks");
        Locator log = page.locator("article.task .log-message");
        assertThat(log.locator("strong")).hasText("isolated");
        assertNothingHostileIn(log);

        page.click("#tab-notes");
        Locator comment = page.locator("#comment-list .comment-message");
        assertThat(comment.locator("em")).hasText("noted");
        assertNothingHostileIn(comment);

        assertThat(page.title()).doesNotContain("owned");
        assertThat(dialogs).isEmpty();
        assertThat(requested).noneMatch(u -> u.contains("tracker.invalid") || u.endsWith("/x"));
    }

    @Test
    void longTextsFoldBehindTheirFirstLine() {
        String caseId = createCase(admin, unique("long"));
        long number = admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
        StringBuilder longComment = new StringBuilder("Full packet capture review\n\n");
        for (int i = 1; i <= 30; i++) longComment.append("- packet ").append(i).append('\n');
        admin.post("/api/v1/case/" + caseId + "/comment", Map.of("message", longComment.toString()));
        admin.post("/api/v1/case/" + caseId + "/comment", Map.of("message", "short *one*"));
        logIn();
        page.navigate(url("/cases/" + number + "?tab=notes"));

        Locator folded = page.locator("#comment-list details.long-text-all");
        assertThat(folded).hasCount(1);
        assertThat(page.locator("#comment-list .long-text-preview")).containsText("Full packet capture review");
        assertThat(page.locator("#comment-list .long-text-preview li")).hasCount(13);
        assertThat(folded.locator("summary")).hasText("Show all (32 lines)");
        assertThat(folded.locator("li").first()).isHidden();
        folded.locator("summary").click();
        assertThat(folded.locator("li")).hasCount(30);
        assertThat(folded.locator("li").last()).isVisible();
        assertThat(page.locator("#comment-list em")).hasText("one");
        assertThat(page.locator("#comment-list em")).isVisible();
    }

    /** No script ran, no element carries a handler or a javascript: link, no image was put in. */
    private static void assertNothingHostileIn(Locator shown) {
        assertThat(shown.locator("script, img, [onerror], [onclick], a[href^='javascript']")).hasCount(0);
        assertThat(shown.locator("a", new Locator.LocatorOptions().setHasText("[pixel]")))
                .hasAttribute("href", "http://tracker.invalid/pixel.png");
    }

}
