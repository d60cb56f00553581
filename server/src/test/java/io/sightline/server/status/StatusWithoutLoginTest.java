package io.sightline.server.status;

import com.sun.net.httpserver.HttpServer;
import io.sightline.server.support.H2Database;
import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Cortex server that echoes the hub's API key lower-cased (and URL-encoded) in its error
 * answers: the key appears in no log line and in no answer, and without a login neither
 * {@code /api/status} nor {@code /actuator/health} tell the error text, the URL or the data path.
 */
@ExtendWith(OutputCaptureExtension.class)
@ContextConfiguration(initializers = H2Database.class)
class StatusWithoutLoginTest extends HubTest {
    static final String KEY = "CortexKEY/Echoed+Secret42";
    static final String LOWER = KEY.toLowerCase(Locale.ROOT);
    static final String ENCODED_LOWER = URLEncoder.encode(KEY, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    static final HttpServer ECHOING_CORTEX = echoingCortex();

    @DynamicPropertySource
    static void cortex(DynamicPropertyRegistry r) {
        r.add("cortex.servers[0].name", () -> "echo");
        r.add("cortex.servers[0].url", StatusWithoutLoginTest::cortexUrl);
        r.add("cortex.servers[0].auth.type", () -> "bearer");
        r.add("cortex.servers[0].auth.key", () -> KEY);
        r.add("cortex.servers[0].wsConfig.maxRequestRetry", () -> "1");
        r.add("cortex.statusCheckInterval", () -> "300 milliseconds");
    }

    @AfterAll
    static void stopCortex() {
        ECHOING_CORTEX.stop(0);
    }

    @Test
    void anEchoedKeyReachesNoLogAndNoAnswer(CapturedOutput output) {
        JsonNode server = awaitServerError();
        assertThat(server.path("lastError").asString()).contains("****").contains("rejected");
        List<String> bodies = List.of(admin.get("/api/status").body(), anonymous().get("/api/status").body(),
                admin.get("/api/v1/connector/cortex").body(), admin.get("/actuator/health").body(),
                anonymous().get("/actuator/health").body());
        for (String body : bodies) assertNoKey(body);
        admin.post("/api/v1/connector/cortex/test", Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().contains("rejected"));
        assertNoKey(output.getAll());
    }

    @Test
    void statusWithoutLoginHasNamesAndStatusWordsOnly() {
        awaitServerError();
        var anonymous = anonymous().get("/api/status");
        assertThat(anonymous.status()).isEqualTo(200);
        JsonNode cortex = anonymous.json().path("connectors").path("cortex");
        assertThat(cortex.path("enabled").asBoolean()).isTrue();
        assertThat(cortex.path("status").asString()).isEqualTo("ERROR");
        JsonNode server = cortex.path("servers").get(0);
        assertThat(names(server)).containsExactly("name", "status");
        assertThat(server.path("name").asString()).isEqualTo("echo");
        assertThat(server.path("status").asString()).isEqualTo("ERROR");
        assertThat(anonymous.body()).doesNotContain(cortexUrl()).doesNotContain("127.0.0.1").doesNotContain("rejected");
        assertThat(anonymous.json().path("versions").has("Sightline")).isTrue();
        assertThat(anonymous.json().path("versions").path("TheHive").asString()).as("thehive4py 2.x is TheHive 5's client").startsWith("5.");

        JsonNode detailed = admin.get("/api/status").json().path("connectors").path("cortex").path("servers").get(0);
        assertThat(detailed.path("url").asString()).isEqualTo(cortexUrl());
        assertThat(detailed.path("lastError").asString()).contains("rejected");
    }

    @Test
    void actuatorHealthWithoutLoginIsTheStatusAlone() {
        var anonymous = anonymous().get("/actuator/health");
        assertThat(anonymous.status()).isIn(200, 503);
        // the names of the probe groups (liveness, readiness) may be listed; nothing else
        assertThat(names(anonymous.json())).contains("status").isSubsetOf("status", "groups");
        assertThat(anonymous().get("/actuator/health/diskSpace").body()).doesNotContain("path").doesNotContain("test-data");
        assertThat(anonymous().get("/actuator/health/connectors").body()).doesNotContain("lastError").doesNotContain("cortex");

        JsonNode detailed = admin.get("/actuator/health").json();
        assertThat(detailed.path("components").has("db")).isTrue();
        assertThat(detailed.path("components").path("connectors").path("components").has("cortex")).isTrue();
    }

    private JsonNode awaitServerError() {
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "ERROR".equals(server().path("status").asString()) && server().hasNonNull("lastError"));
        return server();
    }

    private JsonNode server() {
        return admin.get("/api/status").json().path("connectors").path("cortex").path("servers").get(0);
    }

    private TestApi anonymous() {
        return TestApi.withKey(port, null);
    }

    private static void assertNoKey(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        assertThat(lower).doesNotContain(LOWER).doesNotContain(ENCODED_LOWER);
    }

    private static List<String> names(JsonNode node) {
        return List.copyOf(node.propertyNames());
    }

    private static String cortexUrl() {
        return "http://127.0.0.1:" + ECHOING_CORTEX.getAddress().getPort();
    }

    /** Answers every request with a 500 whose message quotes the key lower-cased and URL-encoded. */
    private static HttpServer echoingCortex() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = TestApi.JSON.writeValueAsBytes(Map.of("type", "InternalError",
                        "message", "key " + LOWER + " rejected (" + ENCODED_LOWER + ")"));
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(500, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
