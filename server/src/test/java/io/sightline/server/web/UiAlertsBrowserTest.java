package io.sightline.server.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert list clicked through in headless Chromium: sorting by a column, the page size, folded
 * tags, source links, and bulk actions (merge into a case found by typing, ignore, delete after a
 * confirmation) with one result per alert. Screenshots go to target/screenshots.
 */
@Import(UiTestBeans.class)
class UiAlertsBrowserTest extends BrowserHubTest {
    private static final long NOV_2026 = 1_793_522_400_000L; // 2026-11-01 08:40 UTC
    private static final long HOUR = 3_600_000L;

    @Test
    void sortsFoldsTagsAndActsOnSelectedAlertsWithOneResultEach() {
        String tag = unique("wave");
        String caseTitle = unique("Lateral movement");
        long number = admin.get("/api/v1/case/" + createCase(admin, caseTitle)).json().get("number").asLong();
        List<String> manyTags = new ArrayList<>(List.of(tag));
        for (int i = 1; i <= 14; i++) manyTags.add("ttp-" + i);
        alert("Beacon to <b>C2</b>", NOV_2026 + 3 * HOUR, List.of(tag), "https://misp.example/events/view/17");
        alert("Archive with macro", NOV_2026 + HOUR, manyTags, "javascript:alert(document.domain)");
        alert("Credential phishing", NOV_2026 + 2 * HOUR, List.of(tag), null);
        AtomicInteger dialogs = new AtomicInteger();
        page.onDialog(d -> {
            dialogs.incrementAndGet();
            d.dismiss();
        });
        logIn();

        page.navigate(url("/alerts?tag=" + tag));
        Locator titles = page.locator("#alert-list a.alert-title");
        // newest first by the alerts' own date, to triage only
        assertThat(titles).hasText(new String[] {"Beacon to <b>C2</b>", "Credential phishing", "Archive with macro"});
        assertThat(page.locator("#alert-status-filter")).hasValue("");
        Locator beacon = row("Beacon to <b>C2</b>");
        assertThat(beacon.locator("a.source-link")).hasAttribute("href", "https://misp.example/events/view/17");
        assertThat(beacon.locator("a.source-link")).hasAttribute("rel", "noopener noreferrer");
        assertThat(row("Archive with macro").locator("a.source-link")).hasCount(0);
        Locator folded = row("Archive with macro").locator(".tags-more");
        assertThat(folded.locator("summary")).hasText("+11 more");
        assertThat(folded.locator(".tag").first()).isHidden();
        folded.locator("summary").click();
        assertThat(folded.locator(".tag")).hasCount(11);
        assertThat(folded.locator(".tag").first()).isVisible();
        shot("alerts-triage-list");

        page.locator("th.sortable a", new Page.LocatorOptions().setHasText("Title")).click();
        assertThat(titles).hasText(new String[] {"Archive with macro", "Beacon to <b>C2</b>", "Credential phishing"});
        assertThat(page.locator("th.sortable[aria-sort=ascending]")).hasText("Title ▲");
        page.locator("th.sortable a", new Page.LocatorOptions().setHasText("Title")).click();
        assertThat(titles.first()).hasText("Credential phishing");
        page.waitForLoadState(); // the page's script submits the size on change
        page.selectOption("#alert-page-size", "50");
        assertThat(page).hasURL(Pattern.compile(".*size=50.*"));
        assertThat(page.locator("#alert-page-size")).hasValue("50");
        assertThat(titles.first()).hasText("Credential phishing");
        shot("alerts-sorted-by-title");

        // select two alerts, find the case by typing part of its title, merge
        row("Beacon to <b>C2</b>").locator("input[name=ids]").check();
        row("Credential phishing").locator("input[name=ids]").check();
        page.waitForLoadState();
        page.locator("#bulk-case-query").pressSequentially(caseTitle.substring(0, 12).toLowerCase(), new Locator.PressSequentiallyOptions().setDelay(20));
        Locator choice = page.locator("#bulk-merge-targets label", new Page.LocatorOptions().setHasText(caseTitle));
        assertThat(choice).containsText("#" + number);
        shot("alerts-merge-search");
        choice.locator("input[type=radio]").check();
        page.click("#bulk-merge");
        Locator results = page.locator("#bulk-results");
        assertThat(results.locator("tr.outcome-done")).hasCount(2);
        assertThat(results).containsText("Merged into case #" + number);
        assertThat(page.locator("#messages")).containsText("2 of 2 alerts: merge done");
        assertThat(titles).hasText(new String[] {"Archive with macro"});
        shot("alerts-bulk-merged");

        // an imported alert cannot be ignored: that alert is refused, the other one ignored
        page.selectOption("#alert-status-filter", "all");
        page.click("#alert-filters button[type=submit]");
        row("Beacon to <b>C2</b>").locator("input[name=ids]").check();
        row("Archive with macro").locator("input[name=ids]").check();
        page.click("#bulk-ignore");
        assertThat(results.locator("tr.outcome-done")).hasText(Pattern.compile("Archive with macro\\s+Ignored"));
        assertThat(results.locator("tr.outcome-refused")).containsText("Refused: Alert ~");
        assertThat(results.locator("tr.outcome-refused")).containsText("is already imported into a case");
        assertThat(page.locator("#messages")).containsText("1 of 2 alerts: ignore done; see the refusals below");
        shot("alerts-bulk-partly-refused");

        // deleting asks first, on a page of its own
        row("Archive with macro").locator("input[name=ids]").check();
        page.click("#bulk-delete");
        assertThat(page.locator("h1")).hasText("Delete 1 alert?");
        assertThat(page.locator("#doomed-alerts")).containsText("Archive with macro");
        shot("alerts-confirm-delete");
        page.click("#confirm-delete");
        assertThat(results).containsText("Deleted");
        assertThat(page.locator("#alert-list a.alert-title", new Page.LocatorOptions().setHasText("Archive with macro"))).hasCount(0);
        shot("alerts-bulk-deleted");
        assertThat(dialogs.get()).as("no script from an alert ran").isZero();
        assertThat(admin.get("/api/v1/case/" + number + "/observables").status()).isEqualTo(200);
    }

    @Test
    void mergesOneAlertIntoACaseFoundByItsNumber() {
        String caseTitle = unique("Insider case");
        String caseId = createCase(admin, caseTitle);
        long number = admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
        String alertId = alert("USB exfiltration", NOV_2026, List.of(unique("usb")), null);
        logIn();
        page.navigate(url("/alerts/" + alertId.substring(1)));
        page.waitForLoadState(); // htmx is loaded with the page
        page.locator("#merge-case-query").pressSequentially("#" + number, new Locator.PressSequentiallyOptions().setDelay(20));
        Locator choice = page.locator("#merge-targets label", new Page.LocatorOptions().setHasText(caseTitle));
        assertThat(choice.locator("input[type=radio]")).isChecked();
        shot("alert-merge-by-number");
        page.click("#merge");
        assertThat(page.locator("#case-title")).hasText(caseTitle);
        assertThat(page.locator("#messages")).containsText("Alert merged into case #" + number);
        assertThat(admin.get("/api/v1/alert/" + alertId).json().get("caseId").asString()).isEqualTo(caseId);
    }

    private Locator row(String title) {
        return page.locator("#alert-list tbody tr", new Page.LocatorOptions().setHas(
                page.locator("a.alert-title", new Page.LocatorOptions().setHasText(title))));
    }

    private String alert(String title, long date, List<String> tags, String link) {
        var body = new java.util.HashMap<String, Object>(Map.of("type", "misp", "source", "MISP", "sourceRef", unique("event"),
                "title", title, "description", "from MISP", "tags", tags, "date", date));
        if (link != null) body.put("externalLink", link);
        var r = admin.post("/api/v1/alert", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("_id").asString();
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(UiBrowserTest.SCREENSHOTS.resolve(name + ".png")).setFullPage(true)
                .setTimeout(60_000));
    }

}
