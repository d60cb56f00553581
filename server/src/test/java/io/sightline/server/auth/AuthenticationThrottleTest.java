package io.sightline.server.auth;

import io.sightline.server.support.H2Database;
import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password and key guessing over real HTTP. The hub trusts the loopback as a proxy, so each test
 * plays clients at different addresses with X-Forwarded-For.
 */
@ContextConfiguration(initializers = H2Database.class)
@TestPropertySource(properties = {"sightline.auth.trusted-proxies=127.0.0.1,::1",
        "sightline.auth.throttle.audit-per-minute=100000"})
class AuthenticationThrottleTest extends HubTest {
    static final String PASSWORD = "the-right-password";

    @Test
    void fiveWrongPasswordsLockThatLoginFromThatAddressOnly() {
        String login = userWithPassword();
        for (int i = 0; i < 5; i++) assertThat(basic(login, "wrong-" + i, "198.51.100.10").status()).isEqualTo(401);

        var refused = basic(login, PASSWORD, "198.51.100.10");
        assertThat(refused.status()).as("the right password while throttled").isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("60");
        assertThat(refused.json().get("type").asString()).isEqualTo("TooManyRequests");
        assertThat(refused.json().get("message").asString()).contains("try again in 60 seconds");

        assertThat(basic(login, PASSWORD, "198.51.100.11").status()).as("the user from another address").isEqualTo(200);
    }

    @Test
    void forwardedForIsReadFromTheRightSoAClientCannotPickItsAddress() {
        String login = userWithPassword();
        for (int i = 0; i < 5; i++) {
            assertThat(basic(login, "wrong", "203.0.113." + i + ", 198.51.100.20").status()).isEqualTo(401);
        }
        assertThat(basic(login, PASSWORD, "203.0.113.99, 198.51.100.20").status()).isEqualTo(429);
    }

    @Test
    void fiftyFailuresFromOneAddressLockItForEveryLoginAndKey() {
        for (int i = 0; i < 50; i++) assertThat(basic(unique("nobody"), "guess", "198.51.100.30").status()).isEqualTo(401);
        String login = userWithPassword();
        assertThat(basic(login, PASSWORD, "198.51.100.30").status()).isEqualTo(429);
        assertThat(withKey(ADMIN_KEY, "198.51.100.30").status()).isEqualTo(429);
        assertThat(basic(login, PASSWORD, "198.51.100.31").status()).isEqualTo(200);
    }

    @Test
    void wrongApiKeysAreThrottledPerAddressAndPerKeyPrefix() {
        for (int i = 0; i < 50; i++) assertThat(withKey(SecretHashing.newApiKey(), "198.51.100.40").status()).isEqualTo(401);
        var refused = withKey(ADMIN_KEY, "198.51.100.40");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();

        String samePrefix = ADMIN_KEY.substring(0, SecretHashing.PREFIX_LENGTH);
        for (int i = 0; i < 5; i++) assertThat(withKey(samePrefix + "wrong-" + i + "-0123456789", "198.51.100.41").status()).isEqualTo(401);
        assertThat(withKey(ADMIN_KEY, "198.51.100.41").status()).isEqualTo(429);
        assertThat(withKey(ADMIN_KEY, "198.51.100.42").status()).isEqualTo(200);
    }

    @Test
    void anUnknownLoginTakesAsLongAsAKnownOne() {
        String login = userWithPassword();
        basic(login, "warm-up", "192.0.2.200");
        basic("warm-up-nobody", "warm-up", "192.0.2.201");
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String knownFrom = "192.0.2." + (20 + i);
            String unknownFrom = "192.0.2." + (40 + i);
            known.add(timed(() -> assertThat(basic(login, "wrong", knownFrom).status()).isEqualTo(401)));
            unknown.add(timed(() -> assertThat(basic(unique("nobody"), "wrong", unknownFrom).status()).isEqualTo(401)));
        }
        long knownMedian = median(known);
        long unknownMedian = median(unknown);
        System.out.printf("password check: known login %d ms, unknown login %d ms (medians of 7)%n",
                knownMedian / 1_000_000, unknownMedian / 1_000_000);
        assertThat(unknownMedian).isGreaterThanOrEqualTo(knownMedian / 2);
    }

    @Test
    void failedLoginsAreAuditedWithoutARowPerGuess() {
        String login = userWithPassword();
        for (int i = 0; i < 8; i++) basic(login, "wrong-" + i, "198.51.100.50");
        basic("ghost-" + login, "wrong", "198.51.100.51");

        List<JsonNode> rows = audit(login);
        assertThat(rows).extracting(r -> r.get("action").asString()).containsExactly("loginThrottled", "loginFailed");
        JsonNode failed = rows.get(1).get("after");
        assertThat(failed.get("login").asString()).isEqualTo(login);
        assertThat(failed.get("address").asString()).isEqualTo("198.51.100.50");
        assertThat(failed.get("reason").asString()).isEqualTo("wrong password");
        JsonNode throttled = rows.get(0).get("after");
        assertThat(throttled.get("failures").asInt()).isEqualTo(5);
        assertThat(throttled.get("lockSeconds").asInt()).isEqualTo(60);
        assertThat(rows.toString()).doesNotContain("wrong-");

        assertThat(audit("ghost-" + login).get(0).get("after").get("reason").asString()).isEqualTo("unknown login");
    }

    private List<JsonNode> audit(String login) {
        var r = admin.get("/api/v1/audit?entity=login&entityId=" + login);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return StreamSupport.stream(r.json().spliterator(), false).toList();
    }

    private String userWithPassword() {
        if (admin.get("/api/v1/organisation/throttle-org").status() == 404) {
            admin.post("/api/v1/organisation", Map.of("name", "throttle-org", "description", "test"));
        }
        String login = unique("user") + "@throttle-org";
        var created = admin.post("/api/v1/user", Map.of("login", login, "name", login, "profile", "analyst",
                "organisation", "throttle-org", "password", PASSWORD));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return login;
    }

    private TestApi.Response basic(String login, String password, String forwardedFor) {
        TestApi api = TestApi.withPassword(port, login, password);
        return api.send(api.builder("/api/v1/user/current").header("X-Forwarded-For", forwardedFor).GET());
    }

    private TestApi.Response withKey(String key, String forwardedFor) {
        TestApi api = TestApi.withKey(port, key);
        return api.send(api.builder("/api/v1/user/current").header("X-Forwarded-For", forwardedFor).GET());
    }

    private static long timed(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
