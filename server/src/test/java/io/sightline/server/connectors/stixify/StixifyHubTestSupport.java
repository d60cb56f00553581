package io.sightline.server.connectors.stixify;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.connectors.spi.PartitionHealth;
import io.sightline.server.connectors.spi.PartitionScheduler;
import io.sightline.server.support.TestApi;
import io.sightline.testkit.stixify.StixifyEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;

/** Waiting for and inspecting the Stixify connector's runs. */
final class StixifyHubTestSupport {
    private StixifyHubTestSupport() {}

    static PartitionHealth partition(StixifyHubConnector connector, String dossierId) {
        return connector.health().snapshot().partitions().stream().filter(p -> p.partition().equals(dossierId))
                .findFirst().orElseThrow(() -> new AssertionError("no partition " + dossierId));
    }

    /** Waits until the dossier's partition has finished a run (the one at start-up). */
    static void awaitFirstRun(StixifyHubConnector connector, String dossierId) {
        await(() -> {
            PartitionHealth p = partition(connector, dossierId);
            return !p.running() && (p.lastSuccessAt() != null || p.consecutiveFailures() > 0);
        }, Duration.ofSeconds(60));
    }

    static PartitionScheduler.Outcome syncNow(StixifyHubConnector connector, String dossierId) throws Exception {
        return connector.syncNow(dossierId).get(60, TimeUnit.SECONDS);
    }

    static void await(BooleanSupplier condition, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) throw new AssertionError("condition not met within " + timeout);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** How many times the emulator served (page 1 of) a report's objects. */
    static long objectFetches(StixifyEmulator emulator, String reportId) {
        return emulator.requests().stream()
                .filter(r -> r.path().equals("/v1/reports/" + reportId + "/objects/")
                        && ("&" + r.rawQuery() + "&").contains("&page=1&"))
                .count();
    }

    /** The dossier's checkpoint value through the admin API, or null when none. */
    static String checkpoint(TestApi admin, String dossierId) {
        var r = admin.get("/api/v1/connector/stixify/checkpoint");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        for (JsonNode c : r.json()) {
            if (c.get("partition").asString().equals(dossierId)) return c.get("value").asString();
        }
        return null;
    }

    /** The About page as the admin sees it after logging in through the form. */
    static String aboutPage(int port, String password) throws Exception {
        var http = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL))
                .build();
        String base = "http://127.0.0.1:" + port;
        String login = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        var token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(token.find()).as("CSRF token on the login page").isTrue();
        String form = "username=admin&password=" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8)
                + "&_csrf=" + java.net.URLEncoder.encode(token.group(1), java.nio.charset.StandardCharsets.UTF_8);
        http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        var about = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/about")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(about.statusCode()).isEqualTo(200);
        return about.body();
    }

    static JsonNode seenInIntel(TestApi api, String caseId, String dataType, String data) {
        var created = api.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", dataType, "data", data));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var observable = api.get("/api/v1/observable/" + created.json().get(0).get("_id").asString() + "?details=seen");
        assertThat(observable.status()).as(observable.toString()).isEqualTo(200);
        return observable.json().get("seenInIntel");
    }

    static List<JsonNode> lookup(TestApi api, String dataType, String value, String dossierId) {
        var r = api.get("/api/v1/intel/lookup?dataType=" + dataType + "&value=" + value);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> out = new java.util.ArrayList<>();
        r.json().get("seenInIntel").forEach(s -> {
            if (s.get("dossierId").asString().equals(dossierId)) out.add(s);
        });
        return out;
    }
}
