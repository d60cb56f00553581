package io.sightline.server.web;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import io.sightline.testkit.samples.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case page's "Export archive" and the case list's "Import case" clicked through in headless
 * Chromium: a case exported and imported back, a wrong password and a file that is not a MISP event
 * shown at their fields, a MISP event imported. Screenshots go to target/screenshots.
 */
class UiCaseArchiveBrowserTest extends BrowserHubTest {

    @Test
    void exportsACaseAndImportsItBackShowingRefusalsAtTheirFields() throws Exception {
        String title = unique("Archive round trip");
        String caseId = createCase(admin, title);
        admin.post("/api/v1/case/" + caseId + "/observable", java.util.Map.of("dataType", "domain", "data", "lure.example"));
        long number = admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
        logIn();

        page.navigate(url("/cases/" + number));
        page.click("#export-archive summary");
        page.fill("#export-archive-password", "s3cret pass");
        Download download = page.waitForDownload(() -> page.click("#export-archive-download"));
        assertThat(download.suggestedFilename()).isEqualTo("case-" + number + ".thar");
        Path archive = Files.createTempFile("ui-export-", ".thar");
        download.saveAs(archive);

        page.navigate(url("/cases"));
        page.click("#import-case summary");
        page.setInputFiles("#import-archive-file", archive);
        page.fill("#import-archive-password", "wrong");
        page.click("#import-archive");
        assertThat(page.locator("#import-archive-form .field-error")).containsText("Wrong password for this case archive");
        assertThat(page.locator("#import-archive-password")).hasAttribute("aria-invalid", "true");
        screenshot("case-import-refused");

        page.setInputFiles("#import-misp-file", new com.microsoft.playwright.options.FilePayload("event.json",
                "application/json", "{}".getBytes(StandardCharsets.UTF_8)));
        page.click("#import-misp");
        assertThat(page.locator("#import-misp-form .field-error")).containsText("Could not convert json to MISP event");

        page.setInputFiles("#import-archive-file", archive);
        page.fill("#import-archive-password", "s3cret pass");
        page.click("#import-archive");
        assertThat(page.locator("#case-title")).hasText(title);
        assertThat(page).not().hasURL(url("/cases/" + number));
        page.click("#tab-observables");
        assertThat(page.locator("body")).containsText("lure.example");

        page.navigate(url("/cases"));
        page.click("#import-case summary");
        page.setInputFiles("#import-misp-file", Samples.file("misp/event-webmail-phishing.json"));
        page.click("#import-misp");
        assertThat(page.locator("#case-title")).containsText("Phishing campaign impersonating the example.com webmail login");
        screenshot("case-imported-from-misp");
        Files.deleteIfExists(archive);
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(UiBrowserTest.SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
