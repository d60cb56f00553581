package io.sightline.server.auth;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TheHive 5's user calls mapped onto the hub's rules: force delete, a repeated creation, the
 * one-key calls over many hashed keys, and the TheHive 5 user fields; on H2 and PostgreSQL.
 */
abstract class TheHiveUserRoutesContract extends HubTest {

    private String newUserLogin(String org, String profile) {
        if (admin.get("/api/v1/organisation/" + org).status() == 404) admin.post("/api/v1/organisation", Map.of("name", org));
        String login = unique("u") + "@" + org;
        var r = admin.post("/api/v1/user", Map.of("login", login, "name", "Test user", "profile", profile, "organisation", org));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return login;
    }

    @Test
    void aUserShowsTheHive5Fields() {
        String login = newUserLogin("fields-org", "analyst");
        var u = admin.get("/api/v1/user/" + login).json();
        assertThat(u.get("hasKey").asBoolean()).isFalse();
        assertThat(u.get("hasPassword").asBoolean()).isFalse();
        assertThat(u.get("hasMFA").asBoolean()).isFalse();
        assertThat(u.get("organisations").get(0).get("organisation").asString()).isEqualTo("fields-org");
        admin.post("/api/v1/user/" + login + "/keys", Map.of("comment", "c"));
        assertThat(admin.get("/api/v1/user/" + login).json().get("hasKey").asBoolean()).isTrue();
    }

    @Test
    void aUserKeepsTheEmailGivenAtCreationOrLaterAndABadOneChangesNothing() {
        admin.post("/api/v1/organisation", Map.of("name", "email-org"));
        String login = unique("mail") + "@email-org";
        var created = admin.post("/api/v1/user", Map.of("login", login, "name", "Mail user", "profile", "analyst",
                "organisation", "email-org", "email", "first@example.com"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("email").asString()).isEqualTo("first@example.com");
        assertThat(admin.patch("/api/v1/user/" + login, Map.of("email", "second@example.com", "name", "Renamed")).status())
                .isEqualTo(200);
        var read = admin.get("/api/v1/user/" + login).json();
        assertThat(read.get("email").asString()).isEqualTo("second@example.com");
        assertThat(read.get("name").asString()).isEqualTo("Renamed");
        var refused = admin.patch("/api/v1/user/" + login, Map.of("email", "not an address", "name", "Other"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("message").asString()).contains("not an address");
        assertThat(admin.get("/api/v1/user/" + login).json().get("name").asString()).as("nothing written").isEqualTo("Renamed");
        TestApi stranger = newUser(unique("other"), "org-admin");
        assertThat(stranger.patch("/api/v1/user/" + login, Map.of("email", "taken@example.com")).status()).isIn(403, 404);
        assertThat(admin.get("/api/v1/user/" + login).json().get("email").asString()).isEqualTo("second@example.com");
    }

    @Test
    void creatingTheSameUserAgainAnswersTheUserAndWritesNothing() {
        String org = "repeat-org";
        String login = newUserLogin(org, "analyst");
        var first = admin.get("/api/v1/user/" + login);
        var again = admin.post("/api/v1/user", Map.of("login", login, "name", "Another name", "profile", "analyst", "organisation", org));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        var audit = admin.get("/api/v1/audit?entity=user&entityId=" + first.json().get("_id").asString()).json();
        assertThat(audit.size()).isEqualTo(1);
    }

    @Test
    void creatingAnExistingUserWithAnotherProfileOrOrganisationIsAConflict() {
        String login = newUserLogin("conflict-org", "analyst");
        var otherProfile = admin.post("/api/v1/user", Map.of("login", login, "profile", "org-admin", "organisation", "conflict-org"));
        assertThat(otherProfile.status()).isEqualTo(400);
        assertThat(otherProfile.json().get("message").asString()).isEqualTo("User " + login + " already exists");
        admin.post("/api/v1/organisation", Map.of("name", "conflict-org-2"));
        var otherOrg = admin.post("/api/v1/user", Map.of("login", login, "profile", "analyst", "organisation", "conflict-org-2"));
        assertThat(otherOrg.status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/user/" + login).json().get("organisations").size()).isEqualTo(1);
        assertThat(admin.get("/api/v1/user/" + login).json().get("profile").asString()).isEqualTo("analyst");
    }

    @Test
    void anOrgAdminCannotLearnOrJoinAUserOfAnotherOrganisationByCreatingIt() {
        String login = newUserLogin("hidden-org", "analyst");
        TestApi orgAdmin = newUser(unique("prober"), "org-admin");
        var probe = orgAdmin.post("/api/v1/user", Map.of("login", login, "profile", "analyst"));
        assertThat(probe.status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/user/" + login).json().get("organisations").size()).isEqualTo(1);
    }

    @Test
    void forceDeleteFollowsTheAccountRule() {
        String login = newUserLogin("force-org", "analyst");
        String shared = newUserLogin("force-org", "analyst");
        admin.post("/api/v1/organisation", Map.of("name", "force-org-2"));
        var second = admin.put("/api/v1/user/" + shared + "/organisations", Map.of("organisations", List.of(
                Map.of("organisation", "force-org", "profile", "analyst", "default", true),
                Map.of("organisation", "force-org-2", "profile", "analyst"))));
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        TestApi orgAdmin = newUser("force-org", "org-admin");
        TestApi analyst = newUser("force-org", "analyst");

        assertThat(analyst.delete("/api/v1/user/" + login + "/force?organisation=force-org").status()).isEqualTo(403);
        // a member of another organisation too is not the org-admin's to delete
        assertThat(orgAdmin.delete("/api/v1/user/" + shared + "/force?organisation=force-org").status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/user/" + shared).status()).isEqualTo(200);
        // one wholly within their organisation is
        var r = orgAdmin.delete("/api/v1/user/" + login + "/force?organisation=force-org");
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        assertThat(admin.get("/api/v1/user/" + login).status()).isEqualTo(404);
        var audit = admin.get("/api/v1/audit?entity=user").json();
        assertThat(audit.get(0).get("action").asString()).isEqualTo("delete");
        assertThat(admin.delete("/api/v1/user/" + shared + "/force").status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/user/" + login + "/force").status()).isEqualTo(404);
    }

    @Test
    void theOneKeyCallsNeverShowAStoredKey() {
        String login = newUserLogin("onekey-org", "analyst");
        var none = admin.get("/api/v1/user/" + login + "/key");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("message").asString()).isEqualTo("User " + login + " has no API key");

        var renewed = admin.post("/api/v1/user/" + login + "/key/renew", Map.of());
        assertThat(renewed.status()).isEqualTo(200);
        String secret = renewed.body();
        assertThat(TestApi.withKey(port, secret).get("/api/v1/user/current").status()).isEqualTo(200);

        var shown = admin.get("/api/v1/user/" + login + "/key");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.header("Content-Type")).startsWith("text/plain");
        String prefix = admin.get("/api/v1/user/" + login + "/keys").json().get(0).get("prefix").asString();
        assertThat(shown.body()).startsWith(prefix + "\u2026").contains("shown only once").doesNotContain(secret)
                .doesNotContain(SecretHashing.sha256(secret));
        // the visible part names the key but does not open a session (the ellipsis cannot even be sent as a header)
        assertThat(TestApi.withKey(port, prefix).get("/api/v1/user/current").status()).isEqualTo(401);

        String keyId = admin.get("/api/v1/user/" + login + "/keys").json().get(0).get("_id").asString();
        var removed = admin.delete("/api/v1/user/" + login + "/key");
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        assertThat(TestApi.withKey(port, secret).get("/api/v1/user/current").status()).isEqualTo(401);
        assertThat(admin.get("/api/v1/user/" + login).json().get("hasKey").asBoolean()).isFalse();
        var audit = admin.get("/api/v1/audit?entity=apiKey&entityId=" + keyId).json();
        assertThat(audit.get(0).get("action").asString()).isEqualTo("revoke");
        assertThat(admin.delete("/api/v1/user/" + login + "/key").status()).isEqualTo(404);
    }

    @Test
    void theOneKeyCallsFollowTheAccountRule() {
        String org = unique("rule-org");
        TestApi orgAdmin = newUser(org, "org-admin");
        var adminKeyRemoval = orgAdmin.delete("/api/v1/user/admin/key");
        assertThat(adminKeyRemoval.status()).isIn(403, 404);
        assertThat(admin.get("/api/v1/user/current").status()).isEqualTo(200);
    }
}
