package io.sightline.server.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The case page's ATT&CK techniques and timeline cards, clicked through in headless Chromium. */
@Import(UiTestBeans.class)
class UiCaseTimelineTest extends BrowserHubTest {
    @Test
    void addsATechniqueAndACustomEventOnTheCasePage() {
        String caseId = createCase(admin, "intrusion with <b>markup</b>");
        long number = admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
        logIn();
        page.navigate(url("/cases/" + number));
        Locator ttps = page.locator("#case-ttps");
        assertThat(ttps).containsText("No ATT&CK technique recorded.");
        ttps.locator("input[name=patternId]").fill("T1059.006");
        ttps.locator("input[name=tactic]").fill("execution");
        ttps.locator("input[name=description]").fill("<img src=https://attacker.example/x.png> dropper");
        page.locator("#ttp-add").click();
        Locator row = page.locator("#ttp-list tbody tr");
        assertThat(row).containsText("T1059.006");
        assertThat(row).containsText("Python");
        assertThat(row).containsText("Execution");
        // What the analyst typed is shown as text: no image is fetched from elsewhere.
        assertThat(row).containsText("<img src=https://attacker.example/x.png> dropper");
        assertThat(page.locator("#case-ttps img")).hasCount(0);

        page.locator("#case-ttps input[name=patternId]").fill("T0000");
        page.locator("#ttp-add").click();
        assertThat(page.locator("#ttp-error")).containsText("Unknown ATT&CK pattern T0000");

        Locator timeline = page.locator("#case-timeline");
        assertThat(timeline).containsText("CaseCreated");
        timeline.locator("input[name=title]").fill("Firewall blocked the C2 <script>x</script>");
        timeline.locator("input[name=date]").fill("2026-01-02T03:04");
        page.locator("#event-add").click();
        Locator custom = page.locator("#timeline-events li[data-kind=CustomEvent]");
        assertThat(custom).containsText("Firewall blocked the C2 <script>x</script>");
        assertThat(custom).containsText("2026-01-02 03:04 UTC");
        assertThat(page.locator("#timeline-events li[data-kind=Procedure]")).containsText("Python");
        page.screenshot(new Page.ScreenshotOptions().setPath(UiBrowserTest.SCREENSHOTS.resolve("case-ttps-timeline.png"))
                .setFullPage(true).setTimeout(60_000));
        var events = admin.get("/api/v1/case/" + caseId + "/timeline").json().get("events");
        assertThat(events.toString()).contains("Firewall blocked the C2");
    }
}
