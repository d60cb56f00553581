package io.sightline.server.auth;

import io.sightline.server.support.H2Database;
import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** Passwords over bcrypt's 72 bytes, well-known ones and the login itself are refused with a 400, never a 500. */
@ContextConfiguration(initializers = H2Database.class)
class PasswordRulesTest extends HubTest {
    private static final String EIGHTY_BYTES = "é".repeat(40);

    @Test
    void aPasswordOverSeventyTwoBytesIsRefusedClearly() {
        String login = unique("user");
        assertInvalid(create(login, EIGHTY_BYTES), "at most 72 bytes");
        assertThat(admin.get("/api/v1/user/" + login).status()).as("not created").isEqualTo(404);

        String existing = unique("user");
        assertThat(create(existing, "a-fine-password").status()).isEqualTo(201);
        assertInvalid(admin.post("/api/v1/user/" + existing + "/password/set", Map.of("password", EIGHTY_BYTES)), "at most 72 bytes");
        assertThat(TestApi.withPassword(port, existing, "a-fine-password").get("/api/v1/user/current").status()).isEqualTo(200);
        assertThat(TestApi.withPassword(port, existing, EIGHTY_BYTES).get("/api/v1/user/current").status()).isEqualTo(401);
        assertThat(create(unique("user"), "é".repeat(36)).status()).as("exactly 72 bytes").isEqualTo(201);
    }

    @Test
    void wellKnownPasswordsAreRefusedWhateverTheirCase() {
        assertInvalid(create(unique("user"), "password"), "best-known");
        assertInvalid(create(unique("user"), "PassWord123"), "best-known");
        assertInvalid(create(unique("user"), "QWERTYUIOP"), "best-known");
        String login = unique("user");
        assertThat(create(login, "a-fine-password").status()).isEqualTo(201);
        assertInvalid(admin.post("/api/v1/user/" + login + "/password/set", Map.of("password", "iloveyou")), "best-known");
    }

    @Test
    void aPasswordEqualToTheLoginIsRefused() {
        String login = unique("user");
        assertInvalid(create(login, login.toUpperCase()), "must not be the login");
        assertThat(create(login, "a-fine-password").status()).isEqualTo(201);
        assertInvalid(admin.post("/api/v1/user/" + login + "/password/set", Map.of("password", login)), "must not be the login");
    }

    private TestApi.Response create(String login, String password) {
        return admin.post("/api/v1/user", Map.of("login", login, "profile", "analyst", "password", password));
    }

    private static void assertInvalid(TestApi.Response r, String why) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("type").asString()).isNotBlank();
        assertThat(r.json().get("message").asString()).contains(why);
    }
}
