package io.sightline.testkit.stixify;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.stix.StixJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The emulator's HTTP contract, checked with a plain HTTP client. */
class StixifyEmulatorTest {
    private final StixifyEmulator emulator = StixifyEmulator.start(StixifyTestClients.KEY);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void listenOnLoopbackAndRequireTheApiKey() throws Exception {
        assertThat(emulator.baseUrl()).startsWith("http://127.0.0.1:");
        assertThat(get("v1/dossiers/", null).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = get("v1/dossiers/", "wrong");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(json(wrong).path("code").asInt()).isEqualTo(403);
        assertThat(get("v1/unknown/", StixifyTestClients.KEY).statusCode()).isEqualTo(404);
        assertThat(emulator.requestCount()).isEqualTo(3);
    }

    @Test
    void listsHaveTheDogesecEnvelopeAndAnEmptyPagePastTheEnd() throws Exception {
        String dossier = emulator.addDossier("APT reports");
        emulator.addDossier("0b7c4c1e-0000-4000-8000-000000000001", "hidden", false);
        String report = emulator.addSampleReport(dossier, "report-webmail-phishing.json", Instant.parse("2026-01-01T00:00:00Z"));
        // The sample's own report object gives the report its id.
        assertThat(emulator.report(report).source().reportObjectId()).isEqualTo(report);

        JsonNode dossiers = json(get("v1/dossiers/?page=1&page_size=200", StixifyTestClients.KEY));
        assertThat(dossiers.path("total_results_count").asInt()).isEqualTo(1);
        assertThat(dossiers.path("results").get(0).path("id").asString()).isEqualTo(dossier);

        JsonNode reports = json(get("v1/dossiers/" + dossier + "/reports/", StixifyTestClients.KEY));
        JsonNode item = reports.path("objects").get(0);
        assertThat(item.path("id").asString()).isEqualTo(report).startsWith("report--");
        assertThat(item.path("stixify_report_metadata").path("name").asString()).isEqualTo("report-webmail-phishing.json");

        JsonNode page = json(get("v1/reports/" + report + "/objects/?page=1&page_size=10", StixifyTestClients.KEY));
        assertThat(page.path("page_size").asInt()).isEqualTo(10);
        assertThat(page.path("page_number").asInt()).isEqualTo(1);
        assertThat(page.path("page_results_count").asInt()).isEqualTo(10);
        assertThat(page.path("total_results_count").asInt()).isEqualTo(16);
        JsonNode last = json(get("v1/reports/" + report + "/objects/?page=2&page_size=10", StixifyTestClients.KEY));
        assertThat(last.path("objects")).hasSize(6);
        JsonNode past = json(get("v1/reports/" + report + "/objects/?page=9&page_size=10", StixifyTestClients.KEY));
        assertThat(past.path("objects")).isEmpty();
        assertThat(past.path("total_results_count").asInt()).isEqualTo(16);
        JsonNode capped = json(get("v1/reports/" + report + "/objects/?page=0&page_size=100000", StixifyTestClients.KEY));
        assertThat(capped.path("page_size").asInt()).isEqualTo(StixifyEmulator.MAX_PAGE_SIZE);
        assertThat(capped.path("page_number").asInt()).isEqualTo(1);

        assertThat(get("v1/dossiers/0b7c4c1e-0000-4000-8000-000000000001/reports/", StixifyTestClients.KEY).statusCode()).isEqualTo(404);
        HttpResponse<String> badId = get("v1/reports/not-a-report/objects/", StixifyTestClients.KEY);
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.body()).contains("must be a valid STIX report id");
    }

    @Test
    void addedAfterFiltersStrictlyAndNeedsItsPlusEncoded() throws Exception {
        String dossier = emulator.addDossier("d");
        emulator.addSampleReport(dossier, "report-rat-c2.json", Instant.parse("2026-02-18T15:00:00Z"));
        emulator.addSampleReport(dossier, "report-vpn-exploitation.json", Instant.parse("2026-02-18T16:00:00Z"));
        String base = "v1/dossiers/" + dossier + "/reports/?added_after=";
        assertThat(json(get(base + "2026-02-18T15:00:00.000000%2B00:00", StixifyTestClients.KEY)).path("objects")).hasSize(1);
        assertThat(json(get(base + "2026-02-18T14:59:59.999999%2B00:00", StixifyTestClients.KEY)).path("objects")).hasSize(2);
        assertThat(json(get(base + "2026-02-18T16:00:00Z", StixifyTestClients.KEY)).path("objects")).isEmpty();
        HttpResponse<String> unencoded = get(base + "2026-02-18T15:00:00.000000+00:00", StixifyTestClients.KEY);
        assertThat(unencoded.statusCode()).isEqualTo(400);
        assertThat(json(unencoded).path("details").path("added_after").get(0).asString()).isEqualTo("Enter a valid date/time.");
    }

    @Test
    void faultsCanBeSwitchedAtRunTime() throws Exception {
        String dossier = emulator.addDossier("d");
        emulator.faults().rateLimitNext(1, "7");
        HttpResponse<String> limited = get("v1/dossiers/", StixifyTestClients.KEY);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("7");
        emulator.faults().failNext(2, 502);
        assertThat(get("v1/dossiers/", StixifyTestClients.KEY).statusCode()).isEqualTo(502);
        assertThat(get("v1/dossiers/", StixifyTestClients.KEY).statusCode()).isEqualTo(502);
        assertThat(get("v1/dossiers/", StixifyTestClients.KEY).statusCode()).isEqualTo(200);
        emulator.faults().lieAboutTotals(5);
        assertThat(json(get("v1/dossiers/", StixifyTestClients.KEY)).path("total_results_count").asInt()).isEqualTo(6);
        emulator.faults().repeatLastPage(true);
        assertThat(json(get("v1/dossiers/?page=3", StixifyTestClients.KEY)).path("results").get(0).path("id").asString()).isEqualTo(dossier);
        emulator.faults().reset().slowPages(java.time.Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThat(get("v1/dossiers/", StixifyTestClients.KEY).statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
    }

    @Test
    void generatedReportsAreServedWithoutBeingHeld() throws Exception {
        String dossier = emulator.addDossier("big");
        GeneratedReportSource source = new GeneratedReportSource(1_000_000, 7, 100);
        String report = emulator.addReport(dossier, "huge", source, Instant.now());
        assertThat(report).isEqualTo(source.reportObjectId());
        JsonNode page = json(get("v1/reports/" + report + "/objects/?page=4000&page_size=200", StixifyTestClients.KEY));
        assertThat(page.path("total_results_count").asInt()).isEqualTo(1_000_000);
        assertThat(page.path("objects")).hasSize(200);
        assertThat(page.path("objects").get(0).path("id").asString()).isEqualTo(source.idAt(799_800));
        assertThat(source.customObjectCount()).isEqualTo(9_999);
    }

    @Test
    void generatedObjectsAreValidStixExceptTheDeliberateCustomType() {
        var validator = io.sightline.stix.validation.StixSchemaValidator.fromClasspath();
        GeneratedReportSource source = new GeneratedReportSource(500, 3, 0);
        source.objects(0, source.size()).forEachRemaining(o -> assertThat(validator.validate(o)).as(o.toString()).isEmpty());
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path));
        if (key != null) request.header("API-KEY", key);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return StixJson.mapper().readTree(response.body());
    }
}
