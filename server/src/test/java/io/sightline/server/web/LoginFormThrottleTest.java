package io.sightline.server.web;

import io.sightline.server.support.H2Database;
import io.sightline.server.support.HubTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The login form is throttled like the API, and says so on the login page. */
@ContextConfiguration(initializers = H2Database.class)
@TestPropertySource(properties = {"sightline.auth.trusted-proxies=127.0.0.1,::1",
        "sightline.auth.throttle.audit-per-minute=100000"})
class LoginFormThrottleTest extends HubTest {

    @Test
    void fiveWrongPasswordsLockTheFormWithAMessageEvenForTheRightPassword() {
        String login = unique("analyst");
        assertThat(admin.post("/api/v1/user", Map.of("login", login, "name", "Ana", "profile", "analyst",
                "password", "analyst-password")).status()).isEqualTo(201);
        var browser = new BrowserSession(port);
        for (int i = 0; i < 5; i++) assertThat(browser.login(login, "wrong-" + i).location()).endsWith("/login?error");

        var refused = browser.login(login, "analyst-password");
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).endsWith("/login?throttled=60");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
        var page = browser.get("/login?throttled=60");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Too many failed logins from your address. Try again in 1 minute.");
        assertThat(browser.get("/cases").status()).as("no session was opened").isEqualTo(302);

        var madeUp = new BrowserSession(port).get("/login?throttled=%3Cb%3Ex%3C%2Fb%3E").body();
        assertThat(madeUp).doesNotContain("<b>x").doesNotContain("Too many failed logins");
    }
}
