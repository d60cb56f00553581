package io.sightline.server.auth;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** API keys, profiles, organisations and password logins; on H2 and PostgreSQL. */
abstract class AuthContract extends HubTest {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Authenticator authenticator;

    @Test
    void showsAKeySecretOnceAndStoresOnlyItsHash() {
        String login = newUserLogin("keys-org", "analyst");
        var created = admin.post("/api/v1/user/" + login + "/keys", Map.of("comment", "SOAR", "allowedIps", List.of("127.0.0.1/32", "::1")));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("key").asString();
        assertThat(secret).startsWith("sl_").hasSizeGreaterThan(40);
        assertThat(created.json().get("prefix").asString()).isEqualTo(secret.substring(0, 8));

        var listed = admin.get("/api/v1/user/" + login + "/keys");
        assertThat(listed.body()).doesNotContain(secret);
        assertThat(listed.json().get(0).has("key")).isFalse();
        long stored = jdbc.sql("SELECT COUNT(*) FROM api_key WHERE secret_hash = ? OR prefix = ?")
                .params(secret, secret).query(Long.class).single();
        assertThat(stored).isZero();

        var me = TestApi.withKey(port, secret).get("/api/v1/user/current");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("login").asString()).isEqualTo(login);
        assertThat(me.json().get("profile").asString()).isEqualTo("analyst");
    }

    @Test
    void saysWhyAKeyIsRefused() {
        String login = newUserLogin("keys-org", "analyst");
        String revoked = newKey(login, Map.of());
        String keyId = admin.get("/api/v1/user/" + login + "/keys").json().get(0).get("_id").asString();
        assertThat(admin.delete("/api/v1/user/" + login + "/keys/" + keyId).status()).isEqualTo(200);
        var r1 = TestApi.withKey(port, revoked).get("/api/v1/user/current");
        assertThat(r1.status()).isEqualTo(401);
        assertThat(r1.json().get("message").asString()).contains("was revoked on");

        String expiring = newKey(login, Map.of());
        jdbc.sql("UPDATE api_key SET expires_at = 1000 WHERE prefix = ?").param(expiring.substring(0, 8)).update();
        authenticator.invalidate();
        var r2 = TestApi.withKey(port, expiring).get("/api/v1/user/current");
        assertThat(r2.status()).isEqualTo(401);
        assertThat(r2.json().get("message").asString()).contains("expired on 1970-01-01");

        String elsewhere = newKey(login, Map.of("allowedIps", List.of("10.0.0.0/8", "2001:db8::/32")));
        var r3 = TestApi.withKey(port, elsewhere).get("/api/v1/user/current");
        assertThat(r3.status()).isEqualTo(403);
        assertThat(r3.json().get("message").asString()).contains("not allowed from address 127.0.0.1");

        var badRange = admin.post("/api/v1/user/" + login + "/keys", Map.of("allowedIps", List.of("10.0.0.0/40")));
        assertThat(badRange.status()).isEqualTo(400);
        var tooLong = admin.post("/api/v1/user/" + login + "/keys", Map.of("expiresAt", System.currentTimeMillis() + 400L * 86_400_000));
        assertThat(tooLong.json().get("message").asString()).contains("at most 365 days");
    }

    @Test
    void recordsWhenAndWhereAKeyWasLastUsed() throws InterruptedException {
        String login = newUserLogin("keys-org", "analyst");
        String key = newKey(login, Map.of());
        TestApi.withKey(port, key).get("/api/v1/user/current");
        authenticator.flushUsage();
        var k = admin.get("/api/v1/user/" + login + "/keys").json().get(0);
        assertThat(k.get("lastUsedIp").asString()).isEqualTo("127.0.0.1");
        assertThat(k.get("lastUsedAt").asLong()).isPositive();
    }

    @Test
    void enforcesProfilesOnEveryEndpoint() {
        TestApi reader = newUser("profiles-org", "read-only");
        var refused = reader.post("/api/v1/case", Map.of("title", "t", "description", "d"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("AuthorizationError");
        assertThat(reader.post("/api/v1/user", Map.of("login", "x", "profile", "analyst")).status()).isEqualTo(403);
        assertThat(reader.get("/api/v1/audit").status()).isEqualTo(403);

        TestApi analyst = newUser("profiles-org", "analyst");
        String caseId = createCase(analyst, unique("analyst-case"));
        assertThat(reader.get("/api/v1/case/" + caseId).status()).isEqualTo(200);
        assertThat(analyst.post("/api/v1/organisation", Map.of("name", "nope")).status()).isEqualTo(403);

        TestApi orgAdmin = newUser("profiles-org", "org-admin");
        var adminProfile = orgAdmin.post("/api/v1/user", Map.of("login", unique("x"), "profile", "admin"));
        assertThat(adminProfile.status()).isEqualTo(403);
        var otherOrg = orgAdmin.post("/api/v1/user", Map.of("login", unique("x"), "profile", "analyst", "organisation", "admin"));
        assertThat(otherOrg.status()).isEqualTo(403);
    }

    @Test
    void aReadOnlyKeyCannotWrite() {
        String login = newUserLogin("ro-org", "analyst");
        String key = newKey(login, Map.of("readOnly", true));
        var r = TestApi.withKey(port, key).post("/api/v1/case", Map.of("title", "t", "description", "d"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("message").asString()).contains("read-only");
    }

    @Test
    void keepsOrganisationsApart() {
        TestApi red = newUser("red-team", "analyst");
        TestApi blue = newUser("blue-team", "analyst");
        String title = unique("secret");
        String redCase = createCase(red, title);
        assertThat(blue.get("/api/v1/case/" + redCase).status()).isEqualTo(404);
        var byTitle = Map.of("query", List.of(Map.of("_name", "listCase"),
                Map.of("_name", "filter", "_eq", Map.of("_field", "title", "_value", title)), Map.of("_name", "count")));
        assertThat(red.post("/api/v1/query", byTitle).body()).isEqualTo("1");
        assertThat(blue.post("/api/v1/query", byTitle).body()).isEqualTo("0");
        assertThat(blue.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "getCase", "idOrName", redCase)))).status()).isEqualTo(404);
        var wrongOrg = red.inOrganisation("blue-team").get("/api/v1/user/current");
        assertThat(wrongOrg.status()).isEqualTo(403);
        assertThat(wrongOrg.json().get("message").asString()).contains("is not a member of organisation blue-team");
    }

    @Test
    void selectsTheOrganisationWithTheHeader() {
        String login = newUserLogin("org-one", "analyst");
        admin.post("/api/v1/organisation", Map.of("name", "org-two"));
        admin.patch("/api/v1/user/" + login, Map.of("organisation", "org-two", "profile", "read-only"));
        TestApi user = TestApi.withKey(port, newKey(login, Map.of()));
        assertThat(user.get("/api/v1/user/current").json().get("organisation").asString()).isEqualTo("org-one");
        var two = user.inOrganisation("org-two").get("/api/v1/user/current").json();
        assertThat(two.get("organisation").asString()).isEqualTo("org-two");
        assertThat(two.get("profile").asString()).isEqualTo("read-only");
    }

    @Test
    void acceptsBasicAuthWithAPassword() {
        var ok = TestApi.withPassword(port, "admin", ADMIN_PASSWORD).get("/api/v1/user/current");
        assertThat(ok.status()).isEqualTo(200);
        var wrong = TestApi.withPassword(port, "admin", "wrong-password").get("/api/v1/user/current");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("message").asString()).isEqualTo("Wrong login or password");
        String login = newUserLogin("pw-org", "analyst");
        assertThat(admin.post("/api/v1/user/" + login + "/password/set", Map.of("password", "short")).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/user/" + login + "/password/set", Map.of("password", "long-enough-pw")).status()).isEqualTo(204);
        assertThat(TestApi.withPassword(port, login, "long-enough-pw").get("/api/v1/user/current").status()).isEqualTo(200);
    }

    @Test
    void statusIsPublicAndEverythingElseNeedsCredentials() {
        TestApi anonymous = TestApi.withKey(port, null);
        var status = anonymous.get("/api/status");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().get("versions").has("Sightline")).isTrue();
        assertThat(status.json().get("connectors").isObject()).isTrue();
        assertThat(anonymous.get("/api/v1/case/1").status()).isEqualTo(401);
        assertThat(TestApi.withKey(port, "sl_unknown_key_000000000000").get("/api/v1/case/1").status()).isEqualTo(401);
    }

    private String newUserLogin(String org, String profile) {
        if (admin.get("/api/v1/organisation/" + org).status() == 404) admin.post("/api/v1/organisation", Map.of("name", org));
        String login = unique("u") + "@" + org;
        var r = admin.post("/api/v1/user", Map.of("login", login, "name", "Test user", "profile", profile, "organisation", org));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return login;
    }

    private String newKey(String login, Map<String, Object> options) {
        var r = admin.post("/api/v1/user/" + login + "/keys", options);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("key").asString();
    }
}
