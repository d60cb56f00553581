package io.sightline.server.web;

import io.sightline.server.support.H2Database;
import io.sightline.server.support.HubTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** The UI's session security over real HTTP: login, cookie flags, CSRF, API-key-only and locked accounts. */
@ContextConfiguration(initializers = H2Database.class)
@Import(UiTestBeans.class)
class UiSecurityTest extends HubTest {
    /** Where a login lands: the home page. */
    private static final String HOME = "(https?://[^/]+)?/";

    @Test
    void pagesNeedALoginButTheLoginPageAndAssetsArePublic() {
        var browser = new BrowserSession(port);
        var cases = browser.get("/cases");
        assertThat(cases.status()).isEqualTo(302);
        assertThat(cases.location()).endsWith("/login");
        assertThat(browser.get("/login").status()).isEqualTo(200);
        assertThat(browser.get("/css/sightline.css").status()).isEqualTo(200);
        assertThat(browser.get("/js/sightline.js").status()).isEqualTo(200);
        assertThat(browser.get("/webjars/htmx.org/2.0.4/dist/htmx.min.js").status()).isEqualTo(200);
    }

    @Test
    void passwordLoginOpensAnHttpOnlySameSiteLaxSessionAndLogoutEndsIt() {
        var browser = new BrowserSession(port);
        var login = browser.login("admin", ADMIN_PASSWORD);
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).matches(HOME);
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SIGHTLINE_SESSION="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");

        var cases = browser.get("/cases");
        assertThat(cases.status()).isEqualTo(200);
        assertThat(cases.body()).contains("Administrator").contains("Cases");
        assertThat(cases.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");

        var logout = browser.post("/logout", Map.of(), BrowserSession.token(cases.body()));
        assertThat(logout.location()).endsWith("/login?logout");
        assertThat(browser.get("/cases").status()).isEqualTo(302);
    }

    @Test
    void wrongPasswordIsRefused() {
        var browser = new BrowserSession(port);
        assertThat(browser.login("admin", "not-the-password").location()).endsWith("/login?error");
        assertThat(browser.get("/cases").status()).isEqualTo(302);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        var browser = new BrowserSession(port);
        browser.login("admin", ADMIN_PASSWORD);
        String title = unique("csrf");
        var refused = browser.post("/cases", Map.of("title", title, "description", "forged"), null);
        assertThat(refused.status()).isEqualTo(403);
        var forgedToken = browser.post("/cases", Map.of("title", title, "description", "forged"), "forged-token");
        assertThat(forgedToken.status()).isEqualTo(403);
        assertThat(browser.get("/cases?q=" + title).body()).doesNotContain(title + "</a>").contains("No case matches");

        String token = BrowserSession.token(browser.get("/cases/new").body());
        var created = browser.post("/cases", Map.of("title", title, "description", "real"), token);
        assertThat(created.status()).isEqualTo(302);
        assertThat(browser.get("/cases?q=" + title).body()).contains(title);
    }

    @Test
    void htmxRequestsCarryTheTokenInAHeader() {
        var browser = new BrowserSession(port);
        browser.login("admin", ADMIN_PASSWORD);
        String token = BrowserSession.token(browser.get("/about").body());
        assertThat(browser.htmxPost("/about/connectors/no-such-connector/test", null).status()).isEqualTo(403);
        var answered = browser.htmxPost("/about/connectors/no-such-connector/test", token);
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body()).as("the runtime's own answer, shown as a failure")
                .contains("test-failed").contains("Connector no-such-connector not found");
    }

    @Test
    void anApiKeyOnlyAccountCannotLogIn() {
        String login = unique("robot");
        var created = admin.post("/api/v1/user", Map.of("login", login, "name", "Robot", "profile", "analyst"));
        assertThat(created.status()).isEqualTo(201);
        var browser = new BrowserSession(port);
        assertThat(browser.login(login, "").location()).endsWith("/login?error");
        assertThat(browser.login(login, "anything-at-all").location()).endsWith("/login?error");
        assertThat(browser.get("/cases").status()).isEqualTo(302);
    }

    @Test
    void lockingAUserEndsTheirOpenSession() {
        String login = unique("analyst");
        assertThat(admin.post("/api/v1/user", Map.of("login", login, "name", "Ana", "profile", "analyst",
                "password", "analyst-password")).status()).isEqualTo(201);
        var browser = new BrowserSession(port);
        assertThat(browser.login(login, "analyst-password").location()).matches(HOME);
        assertThat(browser.get("/cases").status()).isEqualTo(200);

        assertThat(admin.patch("/api/v1/user/" + login, Map.of("locked", true)).status()).isEqualTo(200);
        var after = browser.get("/cases");
        assertThat(after.status()).isEqualTo(302);
        assertThat(after.location()).endsWith("/login?ended");
    }

    @Test
    void aMemberOfSeveralOrganisationsSwitchesBetweenThem() {
        String other = unique("org");
        assertThat(admin.post("/api/v1/organisation", Map.of("name", other, "description", "second")).status()).isEqualTo(201);
        String login = unique("analyst");
        assertThat(admin.post("/api/v1/user", Map.of("login", login, "name", "Ana", "profile", "analyst",
                "password", "analyst-password")).status()).isEqualTo(201);
        assertThat(admin.patch("/api/v1/user/" + login, Map.of("profile", "analyst", "organisation", other)).status())
                .isEqualTo(200);
        String title = unique("other-org-case");
        var otherKey = admin.post("/api/v1/user/" + login + "/keys", Map.of("comment", "t")).json().get("key").asString();
        assertThat(io.sightline.server.support.TestApi.withKey(port, otherKey).inOrganisation(other)
                .post("/api/v1/case", Map.of("title", title, "description", "d")).status()).isEqualTo(201);

        var browser = new BrowserSession(port);
        browser.login(login, "analyst-password");
        var first = browser.get("/cases");
        assertThat(first.body()).contains("name=\"name\"").contains(">" + other + "</option>").doesNotContain(title);
        var switched = browser.post("/organisation", Map.of("name", other), BrowserSession.token(first.body()));
        assertThat(switched.location()).endsWith("/cases");
        assertThat(browser.get("/cases").body()).contains(title);

        String foreign = unique("foreign");
        assertThat(admin.post("/api/v1/organisation", Map.of("name", foreign, "description", "not joined")).status()).isEqualTo(201);
        var notMember = browser.post("/organisation", Map.of("name", foreign), BrowserSession.token(browser.get("/cases").body()));
        assertThat(notMember.status()).isEqualTo(302);
        assertThat(browser.get("/cases").body()).as("still in the organisation it belongs to").contains(title);
    }

    @Test
    void malformedFormInputIsShownAsAMessage() {
        var browser = new BrowserSession(port);
        browser.login("admin", ADMIN_PASSWORD);
        String token = BrowserSession.token(browser.get("/cases").body());
        var refused = browser.post("/cases", Map.of("title", "x", "description", "y", "severity", "high"), token);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Field severity must be a whole number, not &#39;high&#39;").contains("value=\"x\"");
    }

    @Test
    void anAnalystCannotReachUserAdministration() {
        String login = unique("analyst");
        admin.post("/api/v1/user", Map.of("login", login, "name", "Ana", "profile", "analyst", "password", "analyst-password"));
        var browser = new BrowserSession(port);
        browser.login(login, "analyst-password");
        var users = browser.get("/admin/users");
        assertThat(users.status()).isEqualTo(403);
        assertThat(users.body()).contains("lacks manage_users");
    }
}
