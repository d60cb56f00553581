package io.sightline.server.support;

import io.sightline.server.SightlineApplication;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub on a random port, driven over real HTTP. Subclasses pick the database with
 * {@code @ContextConfiguration(initializers = H2Database.class | PostgresDatabase.class)}.
 */
@SpringBootTest(classes = SightlineApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sightline.admin.api-key=" + HubTest.ADMIN_KEY, "sightline.admin.password=" + HubTest.ADMIN_PASSWORD})
public abstract class HubTest {
    public static final String ADMIN_KEY = "sl_test_admin_key_0123456789";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    @LocalServerPort
    protected int port;

    protected TestApi admin;

    @BeforeEach
    void connect() {
        admin = TestApi.withKey(port, ADMIN_KEY);
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates an organisation and a user with the profile in it; returns an API client for that user. */
    protected TestApi newUser(String org, String profile) {
        if (admin.get("/api/v1/organisation/" + org).status() == 404) {
            assertThat(admin.post("/api/v1/organisation", Map.of("name", org, "description", "test")).status()).isEqualTo(201);
        }
        String login = unique("user") + "@" + org;
        var created = admin.post("/api/v1/user", Map.of("login", login, "name", login, "profile", profile, "organisation", org));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var key = admin.post("/api/v1/user/" + login + "/keys", Map.of("comment", "test"));
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        return TestApi.withKey(port, key.json().get("key").asString());
    }

    protected String createCase(TestApi api, String title) {
        var r = api.post("/api/v1/case", Map.of("title", title, "description", "test case", "tags", List.of("test")));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("_id").asString();
    }
}
