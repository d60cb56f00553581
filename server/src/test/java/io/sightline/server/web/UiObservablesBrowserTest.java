package io.sightline.server.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.sightline.testkit.cortex.CortexEmulator;
import io.sightline.testkit.cortex.CortexEmulatorOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The observables table of the alert and case pages clicked through in headless Chromium (skipped
 * without it): a 52-observable alert as one short page of rows, filtered, searched, sorted, paged
 * and changed in bulk without a reload; the add form keeping refused input; "Run all" analyzers and
 * the readable report. Screenshots go to target/screenshots.
 */
class UiObservablesBrowserTest extends BrowserHubTest {
    private static final String HASH = "5d41402abc4b2a76b9719d911017c592";
    private static CortexEmulator cortex;

    @DynamicPropertySource
    static void cortexServer(DynamicPropertyRegistry r) {
        r.add("cortex.servers[0].name", () -> "Cortex Server");
        r.add("cortex.servers[0].url", () -> cortex.baseUrl());
        r.add("cortex.servers[0].auth.type", () -> "bearer");
        r.add("cortex.servers[0].auth.key", () -> cortex.apiKey());
        r.add("cortex.refreshDelay", () -> "200 milliseconds");
        r.add("cortex.statusCheckInterval", () -> "300 milliseconds");
    }

    @BeforeAll
    static void startCortex() {
        cortex = CortexEmulator.start(CortexEmulatorOptions.defaults());
    }

    @AfterAll
    static void stopCortex() {
        if (cortex != null) cortex.close();
    }

    @Test
    void aFiftyTwoObservableAlertIsOneShortPageFilteredSortedPagedAndChangedInBulk() {
        List<Map<String, Object>> observables = new ArrayList<>();
        for (int i = 1; i <= 40; i++) observables.add(Map.of("dataType", "domain", "data", String.format("host%02d.example", i), "ioc", i <= 4));
        for (int i = 1; i <= 8; i++) observables.add(Map.of("dataType", "ip", "data", "198.51.100." + i));
        for (int i = 1; i <= 4; i++) observables.add(Map.of("dataType", "url", "data", "https://drop.example/p" + i));
        var created = admin.post("/api/v1/alert", Map.of("type", "misp", "source", "MISP Server", "sourceRef", unique("event"),
                "title", unique("Phishing wave"), "description", "52 attributes", "observables", observables));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String alertId = created.json().get("_id").asString();
        logIn();
        page.navigate(url("/alerts/" + alertId.substring(1)));

        Locator rows = page.locator("#observable-list tr.obs");
        assertThat(rows).hasCount(25);
        assertThat(page.locator("#obs-page")).hasText("Page 1 of 3 · 52 observables");
        assertThat(page.locator(".obs-types a[data-type=domain] .count")).hasText("40");
        assertThat(page.locator(".obs-types a[data-type=ip] .count")).hasText("8");
        assertThat(page.locator(".obs-ioc-count")).hasText("4 IOCs");
        Number height = (Number) page.evaluate("() => document.documentElement.scrollHeight");
        assertThat(height.intValue()).as("the page of 52 observables stays short").isLessThan(2600);
        shot("alert-observables-table");

        // every swap below replaces the table only: the marker set on the page survives them all
        page.evaluate("() => window.notReloaded = true");
        page.click(".obs-types a[data-type=ip]");
        assertThat(rows).hasCount(8);
        assertThat(page).hasURL(Pattern.compile(".*/alerts/\\d+/observables\\?type=ip$"));
        assertThat(page.locator(".obs-types a.active")).containsText("ip");
        shot("alert-observables-type-ip");

        page.click(".obs-types a:has-text('All')");
        assertThat(rows).hasCount(25);
        page.fill("#obs-search", "HOST1");
        assertThat(rows).hasCount(10);
        assertThat(rows.first()).containsText("host10.example");
        page.fill("#obs-search", "");
        assertThat(rows).hasCount(25);

        page.click("a.sort[data-sort=value]");
        assertThat(rows.first()).containsText("198.51.100.1");
        page.click("a.sort[data-sort=value]");
        assertThat(rows.first()).containsText("https://drop.example/p4");
        assertThat(page.locator("a.sort[data-sort=value]")).containsText("▼");
        page.click(".pager a[rel=next]");
        assertThat(page.locator("#obs-page")).hasText("Page 2 of 3 · 52 observables");
        assertThat(rows).hasCount(25);
        page.click(".pager a[rel=next]");
        assertThat(rows).hasCount(2);
        page.click(".pager a[rel=prev]");
        assertThat(page.locator("#obs-page")).hasText("Page 2 of 3 · 52 observables");

        page.check("#obs-select-all");
        assertThat(page.locator("tr.obs-picked")).hasCount(25);
        page.click("#obs-bulk button[value=ioc-on]");
        assertThat(page.locator("#bulk-result .message-ok")).hasText("25 changed");
        assertThat(page.locator("#obs-page")).hasText("Page 2 of 3 · 52 observables");
        assertThat(page.locator(".obs-ioc-count")).hasText("25 IOCs");
        assertThat(rows.locator(".badge-ioc")).hasCount(25);
        shot("alert-observables-bulk-ioc");
        assertThat(page.evaluate("() => window.notReloaded === true")).isEqualTo(true);
        long iocs = admin.get("/api/v1/alert/" + alertId + "/observables").json().valueStream()
                .filter(o -> o.get("ioc").asBoolean()).count();
        assertThat(iocs).isEqualTo(25);

        page.reload();
        assertThat(page.locator("#obs-page")).hasText("Page 2 of 3 · 52 observables");
    }

    @Test
    void addsObservablesKeepingRefusedInputRunsAllAnalyzersAndShowsAReadableReport() {
        var created = admin.post("/api/v1/case", Map.of("title", unique("analyzers"), "description", "d", "tlp", 3));
        long number = created.json().get("number").asLong();
        logIn();
        page.navigate(url("/cases/" + number + "?tab=observables"));
        assertThat(page.locator("#obs-tlp")).hasValue("RED");

        page.selectOption("#obs-type", "hash");
        page.fill("#obs-data", HASH + "\nnot-a-hash\n" + "a".repeat(64));
        page.check("#obs-ioc");
        page.fill("#obs-tags", "loader");
        page.click("#obs-confirm");
        assertThat(page.locator("#obs-refused")).containsText("Nothing was added");
        assertThat(page.locator(".field-error[data-field=data] .field-error-message")).hasText(Pattern.compile("Line 2: Invalid hash observable 'not-a-hash'.*"));
        assertThat(page.locator("#obs-data")).hasValue(HASH + "\nnot-a-hash\n" + "a".repeat(64));
        assertThat(page.locator("#obs-type")).hasValue("hash");
        assertThat(page.locator("#obs-ioc")).isChecked();
        assertThat(page.locator("#obs-tags")).hasValue("loader");
        assertThat(page.locator("#observable-add-result .message-ok")).hasCount(0);
        shot("observable-form-refused");

        page.fill("#obs-data", HASH + "\n" + "a".repeat(64));
        page.click("#obs-confirm");
        assertThat(page.locator("#observable-add-result .message-ok")).hasText("2 observables added");
        assertThat(page.locator("tr.obs")).hasCount(2);
        assertThat(page.locator("tr.obs .tlp").first()).hasText("TLP:RED");

        Locator row = page.locator("tr.obs", new Page.LocatorOptions().setHasText(HASH));
        row.locator(".analyzers-menu summary").click();
        Locator runAll = row.locator("button.run-all");
        assertThat(runAll).hasText(Pattern.compile("Run all \\d+"));
        int analyzers = Integer.parseInt(runAll.textContent().replaceAll("\\D", ""));
        runAll.click();
        assertThat(row.locator(".job")).hasCount(analyzers);
        for (int i = 0; i < analyzers; i++) {
            assertThat(row.locator(".job .job-status").nth(i)).hasText(Pattern.compile("Success|Failure"));
        }
        assertThat(row.locator(".slot-reports .taxonomy").first()).hasAttribute("class",
                Pattern.compile("taxonomy level-(info|safe|suspicious|malicious)"));
        shot("observables-run-all");

        Locator report = row.locator(".job", new Locator.LocatorOptions().setHasText("VirusTotal")).locator(".job-report");
        report.click();
        assertThat(page.locator("#report-summary .taxonomy.level-malicious")).hasText("VT:GetReport=\"45/70\"");
        Locator link = page.locator("#report-tree a.value");
        assertThat(link).hasText("https://www.virustotal.com/gui/search/" + HASH);
        assertThat(link).hasAttribute("href", "https://www.virustotal.com/gui/search/" + HASH);
        assertThat(link).hasAttribute("rel", "noopener noreferrer");
        assertThat(page.locator("#report-tree")).containsText("positives");
        assertThat(page.locator("#full-report")).not().isVisible();
        shot("analyzer-report-tree");
        page.click("#report-raw summary");
        assertThat(page.locator("#full-report")).isVisible();
        assertThat(page.locator("#full-report")).containsText("\"taxonomies\"");
        shot("analyzer-report-raw");

        page.click("#back-to-case");
        page.onDialog(d -> d.accept());
        page.check("#obs-select-all");
        page.click("#obs-bulk button[value=delete]");
        assertThat(page.locator("#bulk-result .message-ok")).hasText("2 deleted");
        assertThat(page.locator("#observable-list .empty")).hasText("No observable yet.");
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(UiBrowserTest.SCREENSHOTS.resolve("observables-" + name + ".png"))
                .setFullPage(true).setTimeout(60_000));
    }
}
