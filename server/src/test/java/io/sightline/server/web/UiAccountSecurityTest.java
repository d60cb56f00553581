package io.sightline.server.web;

import io.sightline.server.support.H2Database;
import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Password resets end UI sessions; the UI's user actions follow the same account rule as the API. */
@ContextConfiguration(initializers = H2Database.class)
@Import(UiTestBeans.class)
class UiAccountSecurityTest extends HubTest {
    /** Where a login lands: the home page. */
    private static final String HOME = "(https?://[^/]+)?/";

    @Test
    void anAdminsPasswordResetEndsTheUsersOpenSession() {
        String login = newUser(null, "analyst", "first-analyst-password");
        var browser = new BrowserSession(port);
        assertThat(browser.login(login, "first-analyst-password").location()).matches(HOME);
        assertThat(browser.get("/cases").status()).isEqualTo(200);

        assertThat(admin.post("/api/v1/user/" + login + "/password/set", Map.of("password", "reset-by-the-admin")).status())
                .isEqualTo(204);
        var after = browser.get("/cases");
        assertThat(after.status()).isEqualTo(302);
        assertThat(after.location()).endsWith("/login?ended");
        assertThat(new BrowserSession(port).login(login, "reset-by-the-admin").location()).matches(HOME);
    }

    @Test
    void settingOnesOwnPasswordInTheUiKeepsThatSessionButEndsTheOthers() {
        String org = newOrg();
        String login = newUser(org, "org-admin", "first-manager-password");
        var here = new BrowserSession(port);
        var elsewhere = new BrowserSession(port);
        here.login(login, "first-manager-password");
        elsewhere.login(login, "first-manager-password");
        assertThat(elsewhere.get("/cases").status()).isEqualTo(200);

        String token = BrowserSession.token(here.get("/admin/users").body());
        var set = here.post("/admin/users/" + login + "/password", Map.of("password", "second-manager-password"), token);
        assertThat(set.status()).isEqualTo(302);
        assertThat(here.get("/admin/users").body()).contains("Password of " + login + " set");
        assertThat(here.get("/cases").status()).isEqualTo(200);
        assertThat(elsewhere.get("/cases").location()).endsWith("/login?ended");
    }

    @Test
    void anOrgAdminCannotTakeOverAMemberOfAnotherOrganisationThroughTheUi() {
        String orgA = newOrg();
        String orgB = newOrg();
        String member = newUser(orgA, "analyst", "first-analyst-password");
        assertThat(admin.patch("/api/v1/user/" + member, Map.of("profile", "read-only", "organisation", orgB)).status()).isEqualTo(200);
        String manager = newUser(orgB, "org-admin", "org-b-manager-password");
        var browser = new BrowserSession(port);
        browser.login(manager, "org-b-manager-password");
        var page = browser.get("/admin/users");
        assertThat(page.body()).contains(member).contains("profile only");
        String token = BrowserSession.token(page.body());

        for (var action : Map.of("/password", Map.of("password", "taken-over-password"), "/lock", Map.of("locked", "true"),
                "/keys", Map.of("comment", "stolen")).entrySet()) {
            browser.get("/admin/users");
            browser.post("/admin/users/" + member + action.getKey(), action.getValue(), token);
            assertThat(browser.get("/admin/users").body()).as(action.getKey()).contains("may be managed only by the user");
        }
        assertThat(browser.get("/admin/users/" + member + "/keys").status()).isEqualTo(403);

        JsonNode user = admin.get("/api/v1/user/" + member).json();
        assertThat(user.get("locked").asBoolean()).isFalse();
        assertThat(admin.get("/api/v1/user/" + member + "/keys").json().size()).isZero();
        assertThat(TestApi.withPassword(port, member, "first-analyst-password").get("/api/v1/user/current").status()).isEqualTo(200);

        browser.get("/admin/users");
        browser.post("/admin/users/" + member + "/profile", Map.of("profile", "analyst"), token);
        assertThat(browser.get("/admin/users").body()).contains("Profile of " + member + " set to analyst");
    }

    private String newOrg() {
        String org = unique("org");
        assertThat(admin.post("/api/v1/organisation", Map.of("name", org, "description", "test")).status()).isEqualTo(201);
        return org;
    }

    private String newUser(String org, String profile, String password) {
        String login = unique("user");
        var body = new java.util.HashMap<String, Object>(Map.of("login", login, "name", login, "profile", profile, "password", password));
        if (org != null) body.put("organisation", org);
        var r = admin.post("/api/v1/user", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return login;
    }
}
