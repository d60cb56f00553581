package io.sightline.server.auth;

import io.sightline.server.support.H2Database;
import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account that belongs to several organisations is not an org-admin's to take over: only the
 * user, a platform admin or someone managing users in all its organisations changes its
 * password, keys, lock or name. A profile is changed in one's own organisation.
 */
@ContextConfiguration(initializers = H2Database.class)
class UserTakeoverTest extends HubTest {

    @Test
    void anOrgAdminCannotTakeOverThePlatformAdminWhoIsAReadOnlyMemberOfTheirOrganisation() {
        String orgX = newOrg();
        assertThat(admin.patch("/api/v1/user/admin", Map.of("profile", "read-only", "organisation", orgX)).status()).isEqualTo(200);
        TestApi orgAdminX = newUser(orgX, "org-admin");
        int keysBefore = admin.get("/api/v1/user/admin/keys").json().size();

        assertRefused(orgAdminX.post("/api/v1/user/admin/keys", Map.of()));
        assertRefused(orgAdminX.post("/api/v1/user/admin/password/set", Map.of("password", "taken-over-password")));
        assertRefused(orgAdminX.patch("/api/v1/user/admin", Map.of("locked", true)));
        assertRefused(orgAdminX.patch("/api/v1/user/admin", Map.of("name", "Mallory")));
        assertRefused(orgAdminX.post("/api/v1/user/admin/key/renew", Map.of()));
        assertRefused(orgAdminX.get("/api/v1/user/admin/keys"));

        JsonNode me = admin.get("/api/v1/user/current").json();
        assertThat(me.get("locked").asBoolean()).isFalse();
        assertThat(me.get("name").asString()).isEqualTo("Administrator");
        assertThat(admin.get("/api/v1/user/admin/keys").json().size()).as("no key minted, none revoked").isEqualTo(keysBefore);
        assertThat(TestApi.withPassword(port, "admin", ADMIN_PASSWORD).get("/api/v1/user/current").status()).isEqualTo(200);
        assertThat(TestApi.withPassword(port, "admin", "taken-over-password").get("/api/v1/user/current").status()).isEqualTo(401);
    }

    @Test
    void anOrgAdminOfTheAdminOrganisationCannotTakeOverThePlatformAdmin() {
        TestApi adminOrgAdmin = newUser(FirstStart.ADMIN_ORG, "org-admin");
        assertRefused(adminOrgAdmin.post("/api/v1/user/admin/keys", Map.of()));
        assertRefused(adminOrgAdmin.post("/api/v1/user/admin/password/set", Map.of("password", "taken-over-password")));
        assertRefused(adminOrgAdmin.patch("/api/v1/user/admin", Map.of("profile", "read-only")));
    }

    @Test
    void anOrgAdminManagesOnlyTheProfileOfAMemberWhoAlsoBelongsToAnotherOrganisation() {
        String orgA = newOrg();
        String orgB = newOrg();
        String login = unique("analyst") + "@" + orgA;
        assertThat(admin.post("/api/v1/user", Map.of("login", login, "profile", "analyst", "organisation", orgA,
                "password", "first-analyst-password")).status()).isEqualTo(201);
        assertThat(admin.patch("/api/v1/user/" + login, Map.of("profile", "read-only", "organisation", orgB)).status()).isEqualTo(200);
        TestApi orgAdminB = newUser(orgB, "org-admin");

        assertRefused(orgAdminB.post("/api/v1/user/" + login + "/keys", Map.of()));
        assertRefused(orgAdminB.post("/api/v1/user/" + login + "/password/set", Map.of("password", "taken-over-password")));
        assertRefused(orgAdminB.patch("/api/v1/user/" + login, Map.of("locked", true)));
        assertRefused(orgAdminB.patch("/api/v1/user/" + login, Map.of("name", "Mallory")));
        assertRefused(orgAdminB.post("/api/v1/user/" + login + "/key/renew", Map.of()));
        assertRefused(orgAdminB.patch("/api/v1/user/" + login, Map.of("profile", "read-only", "organisation", orgA)));

        JsonNode user = admin.get("/api/v1/user/" + login).json();
        assertThat(user.get("locked").asBoolean()).isFalse();
        assertThat(user.get("name").asString()).isEqualTo(login);
        assertThat(admin.get("/api/v1/user/" + login + "/keys").json().size()).isZero();
        assertThat(TestApi.withPassword(port, login, "first-analyst-password").get("/api/v1/user/current").status()).isEqualTo(200);

        var profile = orgAdminB.patch("/api/v1/user/" + login, Map.of("profile", "analyst"));
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        assertThat(profileIn(login, orgB)).isEqualTo("analyst");
        assertThat(profileIn(login, orgA)).isEqualTo("analyst");
    }

    @Test
    void anOrgAdminStillManagesAUserWhoBelongsOnlyToTheirOrganisation() {
        String org = newOrg();
        String login = unique("analyst") + "@" + org;
        assertThat(admin.post("/api/v1/user", Map.of("login", login, "profile", "analyst", "organisation", org)).status()).isEqualTo(201);
        TestApi orgAdmin = newUser(org, "org-admin");

        assertThat(orgAdmin.post("/api/v1/user/" + login + "/keys", Map.of()).status()).isEqualTo(201);
        assertThat(orgAdmin.get("/api/v1/user/" + login + "/keys").status()).isEqualTo(200);
        assertThat(orgAdmin.post("/api/v1/user/" + login + "/key/renew", Map.of()).status()).isEqualTo(200);
        assertThat(orgAdmin.post("/api/v1/user/" + login + "/password/set", Map.of("password", "set-by-org-admin")).status()).isEqualTo(204);
        assertThat(orgAdmin.patch("/api/v1/user/" + login, Map.of("name", "Renamed")).status()).isEqualTo(200);
        assertThat(orgAdmin.patch("/api/v1/user/" + login, Map.of("locked", true)).status()).isEqualTo(200);
        JsonNode user = admin.get("/api/v1/user/" + login).json();
        assertThat(user.get("name").asString()).isEqualTo("Renamed");
        assertThat(user.get("locked").asBoolean()).isTrue();
    }

    private String profileIn(String login, String org) {
        for (JsonNode m : admin.get("/api/v1/user/" + login).json().get("organisations")) {
            if (m.get("organisation").asString().equals(org)) return m.get("profile").asString();
        }
        return null;
    }

    private String newOrg() {
        String org = unique("org");
        assertThat(admin.post("/api/v1/organisation", Map.of("name", org, "description", "test")).status()).isEqualTo(201);
        return org;
    }

    private static void assertRefused(TestApi.Response r) {
        assertThat(r.status()).as(r.toString()).isIn(403, 404);
        assertThat(r.json().get("type").asString()).isNotBlank();
    }
}
