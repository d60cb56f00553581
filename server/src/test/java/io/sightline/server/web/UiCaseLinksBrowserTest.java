package io.sightline.server.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The case page's links card, clicked through in headless Chromium: add a case and a URL, refuse bad ones, remove. */
@Import(UiTestBeans.class)
class UiCaseLinksBrowserTest extends BrowserHubTest {
    @Test
    void linksACaseAndAUrlFromTheCasePageAndRemovesThem() {
        String caseId = createCase(admin, "ransomware on the file server");
        long number = admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
        String otherId = createCase(admin, "phishing wave <b>Q3</b>");
        long otherNumber = admin.get("/api/v1/case/" + otherId).json().get("number").asLong();
        logIn();
        page.navigate(url("/cases/" + number));
        Locator card = page.locator("#case-links");
        assertThat(card).containsText("No linked case or URL.");

        page.locator("#link-form input[name=linkType]").fill("duplicate");
        page.locator("#link-form input[name=target]").fill("#" + otherNumber);
        page.locator("#link-add").click();
        Locator caseLink = page.locator("#link-list li[data-link-type=duplicate] a.case-link");
        assertThat(caseLink).hasText("#" + otherNumber + " phishing wave <b>Q3</b>");
        assertThat(caseLink).hasAttribute("href", "/cases/" + otherNumber);

        // refused: the reason is shown and what was typed is kept
        page.locator("#link-form input[name=linkType]").fill("runbook");
        page.locator("#link-form input[name=target]").fill("javascript:alert(1)");
        page.locator("#link-add").click();
        assertThat(page.locator("#link-error")).containsText("must start with http:// or https://");
        assertThat(page.locator("#link-form input[name=target]")).hasValue("javascript:alert(1)");
        assertThat(page.locator("#case-links a.url-link")).hasCount(0);

        page.locator("#link-form input[name=target]").fill("https://wiki.example/runbooks/ransomware");
        page.locator("#link-add").click();
        Locator urlLink = page.locator("#link-list li[data-link-type=runbook] a.url-link");
        assertThat(urlLink).hasAttribute("href", "https://wiki.example/runbooks/ransomware");
        assertThat(urlLink).hasAttribute("rel", "noopener noreferrer");
        // the type just used is offered when linking again
        assertThat(page.locator("#link-types option[value=runbook]")).hasCount(1);
        page.screenshot(new Page.ScreenshotOptions().setPath(UiBrowserTest.SCREENSHOTS.resolve("case-links.png"))
                .setFullPage(true).setTimeout(60_000));

        page.locator("#link-list li[data-link-type=duplicate] button").click();
        assertThat(page.locator("#link-list li")).hasCount(1);
        assertThat(page.locator("#link-list li")).containsText("https://wiki.example/runbooks/ransomware");

        var links = admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "getCase", "idOrName", caseId),
                Map.of("_name", "page", "from", 0, "to", 1, "extraData", List.of("links"))))).json().get(0).get("extraData").get("links");
        assertThat(links.get("caseLinks").size()).isZero();
        assertThat(links.get("externalLinks").get(0).get("url").asString()).isEqualTo("https://wiki.example/runbooks/ransomware");

        page.reload();
        assertThat(page.locator("#timeline-events li[data-kind=LinkAdded]")).hasCount(2);
        assertThat(page.locator("#timeline-events li[data-kind=LinkRemoved]")).containsText("phishing wave");
    }
}
