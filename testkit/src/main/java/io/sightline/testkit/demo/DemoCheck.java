package io.sightline.testkit.demo;

import io.sightline.integrations.http.HttpJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./sightline demo --check}: asks the running demo hub, over its API, until the emulators'
 * data is in: every MISP sample event as an alert, every Stixify sample report in the intel store,
 * and the Cortex emulator's analyzers listed. Prints one summary line; 0 when all is there, 1 on
 * timeout with what was missing.
 */
final class DemoCheck {
    static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String hubUrl;
    private final String apiKey;
    private final int expectedAlerts;
    private final int expectedReports;

    DemoCheck(String hubUrl, String apiKey, int expectedAlerts, int expectedReports) {
        this.hubUrl = hubUrl;
        this.apiKey = apiKey;
        this.expectedAlerts = expectedAlerts;
        this.expectedReports = expectedReports;
    }

    /** The process exit status: 0 when the demo is fully seeded within {@code timeout}. */
    int run(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Progress progress = new Progress(-1, -1, -1, -1, "not asked yet");
        while (System.nanoTime() < deadline) {
            progress = progress();
            if (progress.complete(expectedAlerts, expectedReports)) {
                System.out.printf("Demo check passed in %d s: %d MISP alerts, %d Stixify reports (%d intel objects), "
                        + "%d Cortex analyzers%n", Duration.ofNanos(System.nanoTime() - start).toSeconds(),
                        progress.alerts, progress.reports, progress.intelObjects, progress.analyzers);
                return 0;
            }
            Thread.sleep(2000);
        }
        System.err.printf("Demo check FAILED after %d s: %d of %d MISP alerts, %d of %d Stixify reports, %d Cortex "
                + "analyzers (last error: %s)%n", timeout.toSeconds(), Math.max(progress.alerts, 0), expectedAlerts,
                Math.max(progress.reports, 0), expectedReports, Math.max(progress.analyzers, 0), progress.lastError);
        return 1;
    }

    private Progress progress() {
        long alerts = -1, reports = -1, objects = -1, analyzers = -1;
        String error = "none";
        try {
            alerts = send(HttpRequest.newBuilder(uri("/api/v1/query")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":[{\"_name\":\"listAlert\"},{\"_name\":\"count\"}]}")))
                    .asLong();
            JsonNode stats = send(HttpRequest.newBuilder(uri("/api/v1/intel/stats")).GET());
            reports = stats.path("reports").asLong();
            objects = stats.path("objects").asLong();
            analyzers = send(HttpRequest.newBuilder(uri("/api/connector/cortex/analyzer")).GET()).size();
        } catch (IOException | RuntimeException e) {
            error = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        return new Progress(alerts, reports, objects, analyzers, error);
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + apiKey)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(response.request().uri().getPath() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return HttpJson.MAPPER.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create(hubUrl + path);
    }

    private record Progress(long alerts, long reports, long intelObjects, long analyzers, String lastError) {
        boolean complete(int expectedAlerts, int expectedReports) {
            return alerts >= expectedAlerts && reports >= expectedReports && analyzers > 0;
        }
    }
}
