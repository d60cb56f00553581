package io.sightline.server.connectors.misp;

import io.sightline.server.support.H2Database;
import io.sightline.server.support.TestApi;
import io.sightline.testkit.misp.MispEmulator;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static io.sightline.server.connectors.misp.MispTesting.attribute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each fault of a MISP server leaves the hub running, the health saying why, and after recovery
 * every event imported once: 500, 429 with Retry-After, slow answers, truncated JSON, a refused
 * key, and a self-signed certificate (refused unless its CA is trusted).
 */
@ContextConfiguration(initializers = H2Database.class)
class MispFaultsTest extends MispHubTest {
    static final MispTesting.Misp MISP = new MispTesting.Misp(MispEmulator.Options.defaults());
    static final MispTesting.Misp TLS = new MispTesting.Misp(MispEmulator.Options.defaults().https(true).orgName("TLSORG"));

    @DynamicPropertySource
    static void misp(DynamicPropertyRegistry r) {
        MispTesting.server(r, 0, "local", MISP.emulator);
        r.add("misp.servers[0].wsConfig.timeout.request", () -> "2 seconds");
        MispTesting.server(r, 1, "untrusted", TLS.emulator);
        MispTesting.server(r, 2, "trusted", TLS.emulator);
        r.add("misp.servers[2].wsConfig.ssl.trustedCaFile", () -> TLS.emulator.certificatePem().toString());
        r.add("misp.servers[2].purpose", () -> "export");
    }

    @AfterAll
    static void stopMisp() {
        MISP.emulator.close();
        TLS.emulator.close();
    }

    @Test
    void everyFaultIsReportedAndRecoveredWithoutLossOrDuplicate() {
        String failing = MISP.addEvent(UUID.randomUUID().toString(), "during 500s", List.of(),
                attribute("domain", "Network activity", "five-hundred.example.org", true));
        MISP.emulator.faults().serverError("/events/index", 10);
        JsonNode health = syncAndWait();
        assertThat(partition(health, "local").path("lastError").asString()).contains("500");
        assertThat(server(health, "local").path("status").asString()).isEqualTo("ERROR");
        assertThat(TestApi.withKey(port, null).get("/api/status").status()).isEqualTo(200);
        MISP.emulator.faults().clear();
        recoversWith(failing, "five-hundred.example.org");

        String limited = MISP.addEvent(UUID.randomUUID().toString(), "rate limited", List.of(),
                attribute("domain", "Network activity", "rate-limited.example.org", true));
        long fetches = MISP.emulator.requestCount("POST /events/restSearch");
        MISP.emulator.faults().rateLimited("/events/restSearch", 1, Duration.ofSeconds(1));
        health = syncAndWait();
        assertThat(partition(health, "local").path("consecutiveFailures").asInt()).isZero();
        assertThat(MISP.emulator.requestCount("POST /events/restSearch") - fetches).as("one refused, one served").isEqualTo(2);
        assertThat(values(alertObservables(limited))).containsExactly("rate-limited.example.org");

        String slow = MISP.addEvent(UUID.randomUUID().toString(), "slow", List.of(),
                attribute("domain", "Network activity", "slow.example.org", true));
        MISP.emulator.faults().slow("/events/index", 2, Duration.ofSeconds(3));
        health = syncAndWait();
        assertThat(partition(health, "local").path("lastError").asString()).containsIgnoringCase("time");
        MISP.emulator.faults().clear();
        recoversWith(slow, "slow.example.org");

        String truncated = MISP.addEvent(UUID.randomUUID().toString(), "truncated", List.of(),
                attribute("domain", "Network activity", "truncated.example.org", true),
                attribute("domain", "Network activity", "truncated2.example.org", true));
        MISP.emulator.faults().truncated("/events/restSearch", 3, 300);
        health = syncAndWait();
        assertThat(partition(health, "local").path("lastError").asString()).containsIgnoringCase("JSON");
        assertThat(hasAlert(truncated) && alertObservables(truncated).size() == 2).as("a truncated event is not complete").isFalse();
        MISP.emulator.faults().clear();
        recoversWith(truncated, "truncated.example.org", "truncated2.example.org");

        String refused = MISP.addEvent(UUID.randomUUID().toString(), "key refused", List.of(),
                attribute("domain", "Network activity", "refused.example.org", true));
        MISP.emulator.faults().authError("/servers/getVersion", 10);
        health = syncAndWait();
        assertThat(server(health, "local").path("status").asString()).isEqualTo("AUTH_ERROR");
        assertThat(server(health, "local").path("lastError").asString()).contains("Authentication failed");
        MISP.emulator.faults().clear();
        recoversWith(refused, "refused.example.org");
    }

    @Test
    void selfSignedCertificateIsRefusedUnlessTrustedAndTheHealthSaysWhy() {
        JsonNode health = syncAndWait();
        JsonNode untrusted = server(health, "untrusted");
        assertThat(untrusted.path("status").asString()).isEqualTo("ERROR");
        assertThat(untrusted.path("lastError").asString()).containsIgnoringCase("certificate");
        assertThat(server(health, "trusted").path("status").asString()).isEqualTo("OK");
        assertThat(server(health, "trusted").path("version").asString()).isEqualTo("2.5.17");
        JsonNode status = TestApi.withKey(port, null).get("/api/status").json().path("connectors").path("misp");
        assertThat(status.path("status").asString()).isEqualTo("WARNING");
    }

    private void recoversWith(String eventId, String... values) {
        JsonNode health = syncAndWait();
        assertThat(partition(health, "local").path("consecutiveFailures").asInt()).isZero();
        assertThat(server(health, "local").path("status").asString()).isEqualTo("OK");
        assertThat(values(alertObservables(eventId))).containsExactlyInAnyOrder(values);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert WHERE type = 'misp' AND source = 'ORGNAME' GROUP BY source_ref "
                + "ORDER BY 1 DESC").query(Long.class).list().get(0)).as("no duplicate alert").isEqualTo(1);
    }

    private static JsonNode partition(JsonNode health, String name) {
        for (JsonNode p : health.path("partitions")) if (p.path("partition").asString().equals(name)) return p;
        throw new AssertionError("no partition " + name + " in " + health);
    }

    private static JsonNode server(JsonNode health, String name) {
        for (JsonNode s : health.path("servers")) if (s.path("name").asString().equals(name)) return s;
        throw new AssertionError("no server " + name + " in " + health);
    }
}
