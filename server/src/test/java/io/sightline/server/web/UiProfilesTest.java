package io.sightline.server.web;

import io.sightline.server.support.H2Database;
import io.sightline.server.support.HubTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** The profiles page: everyone sees what each profile allows; only profile managers define or delete. */
@ContextConfiguration(initializers = H2Database.class)
@Import(UiTestBeans.class)
class UiProfilesTest extends HubTest {

    @Test
    void anAdminDefinesAndDeletesACustomProfileInTheUi() {
        var browser = new BrowserSession(port);
        browser.login("admin", ADMIN_PASSWORD);
        var page = browser.get("/admin/profiles");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("org-admin").contains("built-in, platform").contains("Create profile");

        String name = unique("triage");
        String token = BrowserSession.token(page.body());
        browser.post("/admin/profiles", Map.of("name", name, "permissions", "manageObservable"), token);
        var listed = browser.get("/admin/profiles").body();
        assertThat(listed).contains("Profile " + name + " created").contains("Delete profile " + name);
        assertThat(admin.get("/api/v1/profile/" + name).json().get("permissions").toString()).isEqualTo("[\"manageObservable\"]");

        String id = admin.get("/api/v1/profile/" + name).json().get("_id").asString();
        browser.post("/admin/profiles/" + id + "/delete", Map.of(), BrowserSession.token(listed));
        assertThat(browser.get("/admin/profiles").body()).contains("Profile " + name + " deleted");
        assertThat(admin.get("/api/v1/profile/" + name).status()).isEqualTo(404);
    }

    @Test
    void anOrgAdminSeesProfilesButCannotDefineThem() {
        String org = unique("org");
        assertThat(admin.post("/api/v1/organisation", Map.of("name", org, "description", "test")).status()).isEqualTo(201);
        String login = unique("manager");
        assertThat(admin.post("/api/v1/user", Map.of("login", login, "name", login, "profile", "org-admin",
                "organisation", org, "password", "org-manager-password")).status()).isEqualTo(201);
        var browser = new BrowserSession(port);
        browser.login(login, "org-manager-password");
        var page = browser.get("/admin/profiles");
        assertThat(page.body()).contains("analyst").doesNotContain("Create profile").doesNotContain("Delete profile");

        String name = unique("sneaky");
        browser.post("/admin/profiles", Map.of("name", name), BrowserSession.token(page.body()));
        assertThat(browser.get("/admin/profiles").body()).contains("Operation not allowed");
        assertThat(admin.get("/api/v1/profile/" + name).status()).isEqualTo(404);
    }
}
