package io.sightline.server.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forms in headless Chromium (skipped without it): a refused form keeps what was typed with every
 * refusal at its field, a form over the hub's size limit is stopped in the browser (or, without
 * scripts, answered with a page), and long texts show their first lines with "Show all".
 * Screenshots go to target/screenshots (forms-*.png).
 */
class UiFormsBrowserTest extends BrowserHubTest {
    private static final AtomicInteger SHOT = new AtomicInteger();

    @Test
    void apiKeyFormKeepsWhatWasTypedAndNamesEveryBadRange() {
        open(true);
        logIn();
        page.navigate(url("/account/keys"));
        page.fill("#key-form input[name=comment]", "siem collector");
        page.fill("#key-form input[name=allowedIps]", "10.0.0.300, 192.168.1.0/24, 10.1.0.0/40");
        page.click("#create-key");

        Locator error = page.locator("#key-form .field-error[data-field=allowedIps]");
        assertThat(error).containsText("2 invalid allowed IP ranges");
        assertThat(error).containsText("'10.0.0.300': not an IP address");
        assertThat(error).containsText("'10.1.0.0/40': prefix length must be 0-32");
        assertThat(page.locator("#key-form input[name=allowedIps]")).hasValue("10.0.0.300, 192.168.1.0/24, 10.1.0.0/40");
        assertThat(page.locator("#key-form input[name=allowedIps]")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#key-form input[name=comment]")).hasValue("siem collector");
        assertThat(page.locator("#new-key")).hasCount(0);
        shot("api-key-refused");

        page.fill("#key-form input[name=allowedIps]", "192.168.1.0/24");
        page.click("#create-key");
        assertThat(page.locator("#new-key")).isVisible();
        assertThat(page.locator("#key-list")).containsText("192.168.1.0/24");
    }

    @Test
    void refusedMergeKeepsTheCaseNumberAndSaysWhyAtTheField() {
        var alert = admin.post("/api/v1/alert", Map.of("type", "external", "source", "feed", "sourceRef", unique("ref"),
                "title", "Phishing wave", "description", "d"));
        String alertId = alert.json().get("_id").asString().replace("~", "");
        open(true);
        logIn();
        page.navigate(url("/alerts/" + alertId));
        page.fill("#merge-case-query", "#987654");
        page.click("#merge");

        assertThat(page.locator("#merge-form .field-error[data-field=caseNumber]")).containsText("987654");
        assertThat(page.locator("#merge-case-query")).hasValue("#987654");
        assertThat(page.locator("#alert-title")).hasText("Phishing wave");
        shot("alert-merge-refused");
    }

    @Test
    void aDescriptionOverTheLimitIsStoppedInTheBrowserWithTheTextKept() {
        open(true);
        List<String> posts = new CopyOnWriteArrayList<>();
        page.onRequest(r -> {
            if ("POST".equals(r.method()) && r.url().endsWith("/cases")) posts.add(r.url());
        });
        logIn();
        page.navigate(url("/cases/new"));
        assertThat(page.locator("#case-form .field-hint")).hasText("At most 1 MB in all");
        page.fill("#case-form input[name=title]", "Packet capture");
        String text = "capture line\n".repeat(100_000); // 1.5 MB once form-encoded
        // Set at once: typing 1.3 MB through the keyboard events would take minutes.
        page.evalOnSelector("#case-form textarea[name=description]", "(t, v) => { t.value = v; }", text);
        page.click("#confirm-case");

        Locator refusal = page.locator("#case-form [data-size-error]");
        assertThat(refusal).isVisible();
        assertThat(refusal).containsText("Too large to send: 1.4 MB where the hub accepts at most 1 MB");
        assertThat(posts).isEmpty();
        assertThat((Integer) page.evalOnSelector("#case-form textarea[name=description]", "t => t.value.length"))
                .isEqualTo(text.length());
        shot("case-too-large-in-browser");

        page.fill("#case-form textarea[name=description]", "capture line\n".repeat(10));
        page.click("#confirm-case");
        assertThat(page.locator("#case-title")).hasText("Packet capture");
    }

    @Test
    void withoutScriptsAFormOverTheLimitGetsAPageThatSaysWhatHappened() {
        open(false);
        logIn();
        page.navigate(url("/cases/new"));
        page.fill("#case-form input[name=title]", "Memory dump");
        page.fill("#case-form textarea[name=description]", "y".repeat(5 * 1024 * 1024));
        page.click("#confirm-case");

        assertThat(page.locator("h1")).hasText("Form too large");
        assertThat(page.locator("#too-large")).containsText("What was sent (5.0 MB) is more than the hub accepts in one form (1 MB)");
        assertThat(page.locator("#back-to-form")).hasAttribute("href", "/cases/new");
        assertThat(page.content()).doesNotContain("\"type\"");
        shot("case-too-large-without-scripts");
    }

    @Test
    void aLongDescriptionShowsItsFirstLinesAndShowAll() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 9000; i++) text.append("log line ").append(i).append(" of the collector output\n\n");
        var created = admin.post("/api/v1/case", Map.of("title", unique("long"), "description", text.toString()));
        long number = created.json().get("number").asLong();
        open(true);
        logIn();
        page.navigate(url("/cases/" + number));

        Locator description = page.locator("#case-description");
        assertThat(description.locator(".long-text-preview")).containsText("log line 1 of the collector output");
        assertThat(description.locator(".long-text-preview p")).hasCount(8);
        assertThat(description.locator("summary")).hasText("Show all (18,000 lines)");
        assertThat(description.getByText("log line 9000 of the collector output")).isHidden();
        shot("long-description-folded");

        description.locator("summary").click();
        assertThat(description.getByText("log line 9000 of the collector output")).isVisible();
        assertThat(description.locator(".long-text-preview")).isHidden();
    }

    private void shot(String name) {
        String file = String.format("forms-%02d-%s.png", SHOT.incrementAndGet(), name);
        page.screenshot(new Page.ScreenshotOptions().setPath(UiBrowserTest.SCREENSHOTS.resolve(file)).setFullPage(true)
                .setTimeout(60_000));
    }
}
