package io.sightline.server.auth;

import io.sightline.server.support.H2Database;
import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A key never creates a key with more rights, wider addresses or a later expiry; a read-only key changes nothing. */
@ContextConfiguration(initializers = H2Database.class)
class KeyDerivationTest extends HubTest {
    private static final long DAY = 86_400_000L;

    @Test
    void aReadOnlyKeyCannotCreateRenewOrRevokeKeysNorChangeItsUser() {
        String login = newLogin();
        TestApi readOnly = TestApi.withKey(port, newKey(login, Map.of("readOnly", true)));
        String keyId = keysOf(login).get(0).get("_id").asString();

        assertRefused(readOnly.post("/api/v1/user/" + login + "/keys", Map.of()), "read-only");
        assertRefused(readOnly.post("/api/v1/user/" + login + "/keys", Map.of("readOnly", false)), "read-only");
        assertRefused(readOnly.post("/api/v1/user/" + login + "/key/renew", Map.of()), "read-only");
        assertRefused(readOnly.patch("/api/v1/user/" + login, Map.of("name", "Renamed")), "read-only");
        assertRefused(readOnly.delete("/api/v1/user/" + login + "/keys/" + keyId), "read-only");

        JsonNode keys = keysOf(login);
        assertThat(keys.size()).as("no key created").isEqualTo(1);
        assertThat(keys.get(0).has("revokedAt")).as("no key revoked").isFalse();
        assertThat(admin.get("/api/v1/user/" + login).json().get("name").asString()).isEqualTo(login);
        assertThat(readOnly.get("/api/v1/user/current").status()).as("it still reads").isEqualTo(200);
    }

    @Test
    void anAddressBoundKeyCreatesOnlyKeysWithinItsAddresses() {
        String login = newLogin();
        TestApi bound = TestApi.withKey(port, newKey(login, Map.of("allowedIps", List.of("127.0.0.0/8"))));
        String path = "/api/v1/user/" + login + "/keys";

        assertRefused(bound.post(path, Map.of("allowedIps", List.of())), "127.0.0.0/8");
        assertRefused(bound.post(path, Map.of("allowedIps", List.of("10.0.0.0/8"))), "127.0.0.0/8");
        assertRefused(bound.post(path, Map.of("allowedIps", List.of("0.0.0.0/0"))), "127.0.0.0/8");
        assertRefused(bound.post(path, Map.of("allowedIps", List.of("127.0.0.1", "::1"))), "127.0.0.0/8");
        assertThat(keysOf(login).size()).isEqualTo(1);

        var narrower = bound.post(path, Map.of("allowedIps", List.of("127.0.0.1/32")));
        assertThat(narrower.status()).as(narrower.toString()).isEqualTo(201);
        assertThat(narrower.json().get("allowedIps").get(0).asString()).isEqualTo("127.0.0.1/32");
        var inherited = bound.post(path, Map.of("comment", "no addresses given"));
        assertThat(inherited.status()).as(inherited.toString()).isEqualTo(201);
        assertThat(inherited.json().get("allowedIps").get(0).asString()).isEqualTo("127.0.0.0/8");

        String renewed = bound.post("/api/v1/user/" + login + "/key/renew", Map.of()).body();
        assertThat(TestApi.withKey(port, renewed).get("/api/v1/user/current").status()).isEqualTo(200);
        assertThat(keysOf(login).get(0).get("allowedIps").get(0).asString()).as("renewed within the same addresses")
                .isEqualTo("127.0.0.0/8");
    }

    @Test
    void aKeyCannotCreateAKeyThatExpiresLater() {
        String login = newLogin();
        long expiry = System.currentTimeMillis() + 10 * DAY;
        TestApi shortLived = TestApi.withKey(port, newKey(login, Map.of("expiresAt", expiry)));
        String path = "/api/v1/user/" + login + "/keys";

        assertRefused(shortLived.post(path, Map.of("expiresAt", expiry + 10 * DAY)), "cannot expire later");
        var sooner = shortLived.post(path, Map.of("expiresAt", expiry - 5 * DAY));
        assertThat(sooner.status()).as(sooner.toString()).isEqualTo(201);
        var byDefault = shortLived.post(path, Map.of());
        assertThat(byDefault.status()).as(byDefault.toString()).isEqualTo(201);
        assertThat(byDefault.json().get("expiresAt").asLong()).as("the default validity stops at the calling key's expiry")
                .isLessThanOrEqualTo(expiry);
    }

    @Test
    void aPasswordLoginIsNotBoundByAnyKey() {
        var r = TestApi.withPassword(port, "admin", ADMIN_PASSWORD).post("/api/v1/user/" + newLogin() + "/keys",
                Map.of("allowedIps", List.of("10.0.0.0/8")));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private String newLogin() {
        String org = unique("org");
        assertThat(admin.post("/api/v1/organisation", Map.of("name", org, "description", "test")).status()).isEqualTo(201);
        String login = unique("analyst") + "@" + org;
        assertThat(admin.post("/api/v1/user", Map.of("login", login, "profile", "analyst", "organisation", org)).status()).isEqualTo(201);
        return login;
    }

    private String newKey(String login, Map<String, Object> options) {
        var r = admin.post("/api/v1/user/" + login + "/keys", options);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("key").asString();
    }

    private JsonNode keysOf(String login) {
        return admin.get("/api/v1/user/" + login + "/keys").json();
    }

    private static void assertRefused(TestApi.Response r, String why) {
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.json().get("type").asString()).isEqualTo("AuthorizationError");
        assertThat(r.json().get("message").asString()).contains(why);
    }
}
