package io.sightline.server.web;

import com.microsoft.playwright.Page;
import io.sightline.server.support.TestApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restricted case in headless Chromium: its page shows the owner and who sees it, and changes it;
 * a member not named finds nothing.
 */
@Import(UiTestBeans.class)
class UiCaseAccessBrowserTest extends BrowserHubTest {
    private static final String PASSWORD = "case-access-browser-pw";

    private String analyst(String org) {
        String login = unique("analyst") + "@" + org;
        assertThat(admin.post("/api/v1/user", Map.of("login", login, "name", login, "profile", "analyst", "organisation", org))
                .status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/user/" + login + "/password/set", Map.of("password", PASSWORD)).status()).isEqualTo(204);
        return login;
    }

    @Test
    void theCasePageShowsTheOwnerAndTheUsersOfARestrictedCaseWhichOthersDoNotSee() {
        String org = unique("ui-access");
        assertThat(admin.post("/api/v1/organisation", Map.of("name", org, "description", "test")).status()).isEqualTo(201);
        String lead = analyst(org);
        String other = analyst(org);
        TestApi leadApi = TestApi.withPassword(port, lead, PASSWORD);
        String title = unique("private inquiry");
        String caseId = createCase(leadApi, title);
        long number = leadApi.get("/api/v1/case/" + caseId).json().get("number").asLong();

        logIn(other, PASSWORD);
        page.navigate(url("/cases/" + number));
        assertThat(page.locator("#case-access")).containsText("Everyone in " + org);

        assertThat(leadApi.post("/api/v1/case/" + caseId + "/access",
                Map.of("access", Map.of("_kind", "UserAccessKind", "users", List.of(lead)))).status()).isEqualTo(204);
        var hidden = page.navigate(url("/cases/" + number));
        assertThat(hidden.status()).isEqualTo(404);
        page.navigate(url("/cases"));
        assertThat(page.locator("main")).not().containsText(title);

        open(true);
        logIn(lead, PASSWORD);
        page.navigate(url("/cases"));
        assertThat(page.locator("main")).containsText(title);
        page.navigate(url("/cases/" + number));
        assertThat(page.locator("#case-owner")).hasText(org);
        assertThat(page.locator("#case-access")).hasText("Restricted to " + lead);
        page.screenshot(new Page.ScreenshotOptions().setPath(UiBrowserTest.SCREENSHOTS.resolve("case-access.png"))
                .setFullPage(true).setTimeout(60_000));
    }

    @Test
    void theCasePageRestrictsTheCaseToTheUsersTickedAndOpensItAgain() {
        String org = unique("ui-access-form");
        assertThat(admin.post("/api/v1/organisation", Map.of("name", org, "description", "test")).status()).isEqualTo(201);
        String lead = analyst(org);
        String other = analyst(org);
        TestApi otherApi = TestApi.withPassword(port, other, PASSWORD);
        String caseId = createCase(TestApi.withPassword(port, lead, PASSWORD), unique("narrowed"));
        long number = otherApi.get("/api/v1/case/" + caseId).json().get("number").asLong();

        logIn(lead, PASSWORD);
        page.navigate(url("/cases/" + number));
        page.locator("#case-access-form summary").click();
        page.locator("#access-users").check();
        page.locator("#access-save").click();
        assertThat(page.locator(".message-error")).containsText("must include you");
        assertThat(otherApi.get("/api/v1/case/" + caseId).status()).as("a refused change keeps the case open").isEqualTo(200);

        page.locator("#case-access-form summary").click();
        page.locator("#access-users").check();
        page.locator("#case-access-form input[value='" + lead + "']").check();
        page.locator("#access-save").click();
        assertThat(page.locator("#case-access")).hasText("Restricted to " + lead);
        assertThat(otherApi.get("/api/v1/case/" + caseId).status()).isEqualTo(404);

        page.locator("#case-access-form summary").click();
        page.locator("#access-organisation").check();
        page.locator("#access-save").click();
        assertThat(page.locator("#case-access")).hasText("Everyone in " + org);
        assertThat(otherApi.get("/api/v1/case/" + caseId).status()).isEqualTo(200);
    }
}
