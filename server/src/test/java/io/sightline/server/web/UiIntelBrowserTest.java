package io.sightline.server.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.sightline.server.intel.IntelIngestService;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The intel pages in headless Chromium (skipped without it): from an observable's "seen in intel"
 * marker to the report's page, its dossier, and the search. Screenshots: target/screenshots/intel-*.png.
 */
class UiIntelBrowserTest extends BrowserHubTest {
    private static final AtomicInteger SHOT = new AtomicInteger();

    @Autowired
    IntelIngestService intel;

    @Test
    void seenInIntelLeadsToTheReportItsDossierAndTheSearch() {
        String dossierId = unique("dossier");
        var first = UiIntelContract.deliver(intel, dossierId, unique("Loader <b>campaign</b>"));
        var second = UiIntelContract.deliver(intel, dossierId, unique("Follow-up"));
        String caseId = createCase(admin, unique("Beacon case"));
        long number = admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
        admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", "ip", "data", first.ip()));

        logIn();
        page.navigate(url("/cases/" + number + "?tab=observables"));
        Locator marker = page.locator(".slot-intel a.intel-report");
        assertThat(marker).hasText("Report: " + first.reportName());
        marker.click();

        assertThat(page.locator("#intel-title")).hasText(first.reportName());
        assertThat(page.locator("#intel-values")).containsText(first.ip());
        assertThat(page.locator("#intel-values")).containsText(first.domain());
        assertThat(page.locator("#intel-objects tbody tr")).hasCount(2);
        assertThat(page.locator("#intel-matches .intel-match-case")).containsText("Case #" + number);
        shot("report");

        page.click("#report-dossier");
        assertThat(page.locator("#intel-title")).hasText("Dossier " + dossierId);
        assertThat(page.locator("#dossier-reports tbody tr")).hasCount(2);
        assertThat(page.locator("#intel-values tbody tr")).hasCount(4);
        assertThat(page.locator("#intel-values")).containsText(second.ip());
        shot("dossier");

        page.click("nav.mainnav a:text-is('Intel')");
        page.fill("#intel-q", second.domain());
        page.press("#intel-q", "Enter");
        assertThat(page.locator("#intel-found-values")).containsText(second.domain());
        assertThat(page.locator("#intel-reports tbody tr")).hasCount(1);
        assertThat(page.locator("#intel-reports .intel-report-link")).hasText(second.reportName());
        shot("search");
        page.locator("#intel-reports .intel-report-link").click();
        assertThat(page.locator("#intel-title")).hasText(second.reportName());
        assertThat(page.locator("#intel-matches")).containsText("No case or alert of your organisation holds these values.");
    }

    private void shot(String name) {
        String file = String.format("intel-%02d-%s.png", SHOT.incrementAndGet(), name);
        page.screenshot(new Page.ScreenshotOptions().setPath(UiBrowserTest.SCREENSHOTS.resolve(file)).setFullPage(true)
                .setTimeout(60_000));
    }
}
