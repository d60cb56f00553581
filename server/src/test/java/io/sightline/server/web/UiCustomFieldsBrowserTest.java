package io.sightline.server.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.sightline.server.customfields.CustomFieldInput;
import io.sightline.server.customfields.CustomFieldValues;
import io.sightline.server.customfields.RawValue;
import io.sightline.server.customfields.ValueOwner;
import io.sightline.server.support.H2Database;
import io.sightline.server.support.HubTest;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A case's custom field values on its page, in headless Chromium; a case without any shows no section. */
@ContextConfiguration(initializers = H2Database.class)
class UiCustomFieldsBrowserTest extends HubTest {
    private static Playwright playwright;
    private static Browser browser;

    @Autowired
    CustomFieldValues customFields;

    @BeforeAll
    static void startBrowser() throws Exception {
        if (!Files.isExecutable(UiBrowserTest.CHROMIUM)) {
            Assumptions.abort("Browser tests SKIPPED: no Chromium at " + UiBrowserTest.CHROMIUM);
        }
        Files.createDirectories(UiBrowserTest.SCREENSHOTS);
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                .setExecutablePath(UiBrowserTest.CHROMIUM).setArgs(List.of("--no-sandbox", "--disable-gpu")));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
    }

    @Test
    void showsTheCustomFieldValuesOfACase() {
        String unit = unique("business-unit");
        String due = unique("due");
        String markup = unique("note");
        for (var f : List.of(List.of(unit, "string"), List.of(due, "date"), List.of(markup, "string"))) {
            assertThat(admin.post("/api/v1/customField", Map.of("name", f.get(0), "group", "g", "description", "",
                    "type", f.get(1))).status()).isEqualTo(201);
        }
        var withValues = admin.post("/api/v1/case", Map.of("title", unique("with fields"), "description", "d")).json();
        var without = admin.post("/api/v1/case", Map.of("title", unique("without"), "description", "d")).json();
        long orgId = Long.parseLong(admin.get("/api/v1/organisation/admin").json().get("_id").asString().substring(1));
        long caseId = Long.parseLong(withValues.get("_id").asString().substring(1));
        customFields.replace(new ValueOwner(ValueOwner.Kind.CASE, caseId, orgId), customFields.check(List.of(
                new CustomFieldInput(unit, new RawValue.Text("Marketing"), null),
                new CustomFieldInput(due, new RawValue.Number(new BigDecimal("1700000000000")), null),
                new CustomFieldInput(markup, new RawValue.Text("<img src=x onerror=alert(1)>"), null))));

        try (var context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate("http://127.0.0.1:" + port + "/login");
            page.fill("input[name=username]", "admin");
            page.fill("input[name=password]", ADMIN_PASSWORD);
            page.click("button[type=submit]");
            assertThat(page.locator("#logout")).isVisible();

            page.navigate("http://127.0.0.1:" + port + "/cases/" + withValues.get("number").asLong());
            var fields = page.locator("#case-custom-fields");
            assertThat(fields).containsText(unit);
            assertThat(fields).containsText("Marketing");
            assertThat(fields).containsText("2023-11-14");
            assertThat(fields).containsText("<img src=x onerror=alert(1)>");
            assertThat(fields.locator("img")).hasCount(0);
            page.screenshot(new Page.ScreenshotOptions().setPath(UiBrowserTest.SCREENSHOTS.resolve("case-custom-fields.png")));

            page.navigate("http://127.0.0.1:" + port + "/cases/" + without.get("number").asLong());
            assertThat(page.locator("#case-title")).isVisible();
            assertThat(page.locator("#case-custom-fields")).hasCount(0);
        }
    }
}
