package io.sightline.server.auth;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A user's organisations read and set at once, under the account rule; run on H2 and PostgreSQL. */
abstract class UserOrganisationsContract extends HubTest {

    @Test
    void aPlatformAdminSetsAllOrganisationsOfAUser() {
        String orgA = org(), orgB = org(), orgC = org();
        String login = user(orgC, "analyst");
        List<Map<String, Object>> wanted = List.of(
                Map.of("organisation", orgA, "profile", "analyst", "default", true),
                Map.of("organisation", orgB, "profile", "admin", "default", false));

        var set = admin.put("/api/v1/user/" + login + "/organisations", Map.of("organisations", wanted));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("organisations").toString()).isEqualTo(
                "[{\"organisation\":\"" + orgA + "\",\"profile\":\"analyst\",\"default\":true},"
                        + "{\"organisation\":\"" + orgB + "\",\"profile\":\"admin\",\"default\":false}]");

        var read = admin.get("/api/v1/user/" + login + "/organisations");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("organisations").toString()).contains(orgA, orgB).doesNotContain(orgC);
        assertThat(admin.get("/api/v1/user/" + login).json().get("organisations").toString()).doesNotContain(orgC);
        assertThat(admin.get("/api/v1/audit?entity=user&entityId=" + admin.get("/api/v1/user/" + login).json().get("_id").asString())
                .json().toString()).contains(orgB);
    }

    @Test
    void aUserActsInTheirDefaultOrganisationWhenTheyNameNone() {
        String orgA = org(), orgB = org();
        String login = user(orgA, "analyst");
        var set = admin.put("/api/v1/user/" + login + "/organisations", Map.of("organisations", List.of(
                Map.of("organisation", orgA, "profile", "analyst"),
                Map.of("organisation", orgB, "profile", "read-only", "default", true))));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        var key = admin.post("/api/v1/user/" + login + "/keys", Map.of("comment", "test"));
        TestApi user = TestApi.withKey(port, key.json().get("key").asString());

        var current = user.get("/api/v1/user/current").json();
        assertThat(current.get("organisation").asString()).isEqualTo(orgB);
        assertThat(current.get("profile").asString()).isEqualTo("read-only");
        assertThat(user.inOrganisation(orgA).get("/api/v1/user/current").json().get("profile").asString()).isEqualTo("analyst");
    }

    @Test
    void anOrganisationsAdminChangesOnlyTheMembershipInTheirOwnOrganisation() {
        String mine = org(), other = org();
        TestApi orgAdmin = newUser(mine, "org-admin");
        String login = user(mine, "analyst");

        var own = orgAdmin.put("/api/v1/user/" + login + "/organisations",
                Map.of("organisations", List.of(Map.of("organisation", mine, "profile", "read-only"))));
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(profileIn(login, mine)).isEqualTo("read-only");

        var elsewhere = orgAdmin.put("/api/v1/user/" + login + "/organisations", Map.of("organisations", List.of(
                Map.of("organisation", mine, "profile", "read-only"), Map.of("organisation", other, "profile", "analyst"))));
        assertThat(elsewhere.status()).isEqualTo(403);
        var several = orgAdmin.put("/api/v1/user/" + login + "/organisations", Map.of("organisations", List.of(
                Map.of("organisation", mine, "profile", "analyst"), Map.of("organisation", other, "profile", "analyst"))));
        assertThat(several.status()).isEqualTo(403);
        assertThat(several.json().get("message").asString()).contains("several organisations");
        var admin = orgAdmin.put("/api/v1/user/" + login + "/organisations",
                Map.of("organisations", List.of(Map.of("organisation", mine, "profile", "admin"))));
        assertThat(admin.status()).isEqualTo(403);
        assertThat(this.admin.get("/api/v1/user/" + login + "/organisations").json().get("organisations").toString())
                .doesNotContain(other).contains("read-only");
    }

    @Test
    void aPlatformAdminActingInAnotherOrganisationGrantsAdminWithAFullCredentialOnly() {
        String orgX = org();
        String platformAdmin = user(FirstStart.ADMIN_ORG, "admin");
        assertThat(admin.put("/api/v1/user/" + platformAdmin + "/organisations", Map.of("organisations", List.of(
                Map.of("organisation", FirstStart.ADMIN_ORG, "profile", "admin", "default", true),
                Map.of("organisation", orgX, "profile", "org-admin")))).status()).isEqualTo(200);
        String keys = "/api/v1/user/" + platformAdmin + "/keys";
        TestApi full = TestApi.withKey(port, admin.post(keys, Map.of("comment", "full")).json().get("key").asString()).inOrganisation(orgX);
        TestApi limited = TestApi.withKey(port, admin.post(keys, Map.of("comment", "limited", "allowedIps", List.of("127.0.0.0/8")))
                .json().get("key").asString()).inOrganisation(orgX);
        TestApi readOnly = TestApi.withKey(port, admin.post(keys, Map.of("comment", "ro", "readOnly", true))
                .json().get("key").asString()).inOrganisation(orgX);
        TestApi orgAdmin = newUser(orgX, "org-admin");
        String login = user(orgX, "analyst");
        String path = "/api/v1/user/" + login + "/organisations";
        var wanted = Map.of("organisations", List.of(Map.of("organisation", orgX, "profile", "analyst", "default", true),
                Map.of("organisation", FirstStart.ADMIN_ORG, "profile", "admin", "default", false)));

        assertThat(orgAdmin.put(path, wanted).status()).isEqualTo(403);
        assertThat(limited.put(path, wanted).status()).isEqualTo(403);
        assertThat(readOnly.put(path, wanted).status()).isEqualTo(403);
        assertThat(profileIn(login, FirstStart.ADMIN_ORG)).isNull();

        var granted = full.put(path, wanted);
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(granted.json().get("organisations").toString()).isEqualTo("[{\"organisation\":\"" + orgX
                + "\",\"profile\":\"analyst\",\"default\":true},{\"organisation\":\"admin\",\"profile\":\"admin\",\"default\":false}]");
        assertThat(profileIn(login, FirstStart.ADMIN_ORG)).isEqualTo("admin");
    }

    @Test
    void anOrganisationsAdminCannotRemoveAUserFromAnotherOrganisation() {
        String mine = org(), other = org();
        TestApi orgAdmin = newUser(mine, "org-admin");
        String login = user(mine, "analyst");
        admin.put("/api/v1/user/" + login + "/organisations", Map.of("organisations", List.of(
                Map.of("organisation", mine, "profile", "analyst"), Map.of("organisation", other, "profile", "analyst"))));

        var removal = orgAdmin.put("/api/v1/user/" + login + "/organisations",
                Map.of("organisations", List.of(Map.of("organisation", mine, "profile", "analyst"))));
        assertThat(removal.status()).isEqualTo(403);
        assertThat(profileIn(login, other)).isEqualTo("analyst");
    }

    @Test
    void anAnalystChangesNoMemberships() {
        String mine = org();
        TestApi analyst = newUser(mine, "analyst");
        String login = user(mine, "read-only");
        var r = analyst.put("/api/v1/user/" + login + "/organisations",
                Map.of("organisations", List.of(Map.of("organisation", mine, "profile", "analyst"))));
        assertThat(r.status()).isEqualTo(403);
        assertThat(profileIn(login, mine)).isEqualTo("read-only");
    }

    @Test
    void refusesBadInputAndChangesNothing() {
        String mine = org();
        String login = user(mine, "analyst");
        String path = "/api/v1/user/" + login + "/organisations";
        assertThat(admin.put(path, Map.of("organisations", List.of())).status()).isEqualTo(400);
        assertThat(admin.put(path, Map.of()).status()).isEqualTo(400);
        assertThat(admin.put(path, Map.of("organisations", "all")).status()).isEqualTo(400);
        assertThat(admin.put(path, Map.of("organisations", List.of(Map.of("organisation", mine)))).status()).isEqualTo(400);
        assertThat(admin.put(path, Map.of("organisations", List.of(Map.of("organisation", mine, "profile", "analyst", "colour", "red"))))
                .status()).isEqualTo(400);
        var unknownProfile = admin.put(path, Map.of("organisations", List.of(Map.of("organisation", mine, "profile", "boss"))));
        assertThat(unknownProfile.status()).isEqualTo(400);
        assertThat(unknownProfile.json().get("message").asString()).contains("Unknown profile 'boss'");
        assertThat(admin.put(path, Map.of("organisations", List.of(Map.of("organisation", "no-such-" + mine, "profile", "analyst"))))
                .status()).isEqualTo(404);
        assertThat(admin.put(path, Map.of("organisations", List.of(Map.of("organisation", mine, "profile", "read-only"),
                Map.of("organisation", mine, "profile", "analyst")))).status()).isEqualTo(400);
        String other = org();
        assertThat(admin.put(path, Map.of("organisations", List.of(Map.of("organisation", mine, "profile", "read-only", "default", true),
                Map.of("organisation", other, "profile", "analyst", "default", true)))).status()).isEqualTo(400);
        assertThat(admin.get(path).json().get("organisations").toString()).contains("analyst").doesNotContain(other, "read-only");
        assertThat(admin.get("/api/v1/user/nobody-" + mine + "/organisations").status()).isEqualTo(404);
    }

    @Test
    void listUserFindsTheMembersOfTheCallersOrganisationOnly() {
        String mine = org(), other = org();
        TestApi orgAdmin = newUser(mine, "org-admin");
        String member = user(mine, "analyst");
        String stranger = user(other, "analyst");
        var byLogin = List.of(Map.of("_name", "listUser"), Map.of("_name", "filter", "_eq", Map.of("_field", "login", "_value", member)));
        var found = orgAdmin.post("/api/v1/query", Map.of("query", byLogin));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().size()).isEqualTo(1);
        assertThat(found.json().get(0).get("login").asString()).isEqualTo(member);
        assertThat(found.json().get(0).get("organisations").toString()).contains(mine);
        var hidden = orgAdmin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "listUser"),
                Map.of("_name", "filter", "_eq", Map.of("_field", "login", "_value", stranger)))));
        assertThat(hidden.json().size()).isZero();
    }

    @Test
    void aMemberOfAnotherOrganisationDoesNotSeeTheUser() {
        String login = user(org(), "analyst");
        TestApi stranger = newUser(org(), "org-admin");
        assertThat(stranger.get("/api/v1/user/" + login + "/organisations").status()).isEqualTo(404);
        assertThat(stranger.put("/api/v1/user/" + login + "/organisations", Map.of("organisations", List.of())).status()).isEqualTo(404);
    }

    private String org() {
        String name = unique("org");
        assertThat(admin.post("/api/v1/organisation", Map.of("name", name, "description", "test")).status()).isEqualTo(201);
        return name;
    }

    private String user(String org, String profile) {
        String login = unique("user") + "@" + org;
        var r = admin.post("/api/v1/user", Map.of("login", login, "name", login, "profile", profile, "organisation", org));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return login;
    }

    private String profileIn(String login, String org) {
        for (var m : admin.get("/api/v1/user/" + login + "/organisations").json().get("organisations")) {
            if (m.get("organisation").asString().equals(org)) return m.get("profile").asString();
        }
        return null;
    }
}
