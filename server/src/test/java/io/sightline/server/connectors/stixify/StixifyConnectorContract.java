package io.sightline.server.connectors.stixify;

import static io.sightline.server.connectors.stixify.StixifyHubTestSupport.await;
import static io.sightline.server.connectors.stixify.StixifyHubTestSupport.awaitFirstRun;
import static io.sightline.server.connectors.stixify.StixifyHubTestSupport.checkpoint;
import static io.sightline.server.connectors.stixify.StixifyHubTestSupport.lookup;
import static io.sightline.server.connectors.stixify.StixifyHubTestSupport.objectFetches;
import static io.sightline.server.connectors.stixify.StixifyHubTestSupport.partition;
import static io.sightline.server.connectors.stixify.StixifyHubTestSupport.seenInIntel;
import static io.sightline.server.connectors.stixify.StixifyHubTestSupport.syncNow;
import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.integrations.stixify.StixifyTimestamps;
import io.sightline.server.connectors.PartitionScheduler;
import io.sightline.server.support.H2Database;
import io.sightline.server.support.HubTest;
import io.sightline.testkit.stixify.ReportSource;
import io.sightline.testkit.stixify.StixifyEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The Stixify connector in the hub against the Stixify emulator serving the real STIX fixtures:
 * dossier history into the intel store, incremental runs, failures, checkpoint resets, health.
 * Each test works on its own dossier (one hub partition each).
 */
@ContextConfiguration(initializers = H2Database.class)
class StixifyConnectorHubTest extends HubTest {
    static final String API_KEY = "stixify-secret-key-" + UUID.randomUUID();
    static final String APT1 = "oasis-apt1-report.json";
    static final String C2 = "oasis-indicators-for-C2-with-COA.json";
    static final String SCOS = "stix2-python-sco-examples-list.json";
    static final String POISON_IVY = "oasis-poisonivy-report.json";

    static final StixifyEmulator STIXIFY = StixifyEmulator.start(API_KEY);
    static final String HISTORY = UUID.randomUUID().toString();
    static final String LATER = UUID.randomUUID().toString();
    static final String FLAKY = UUID.randomUUID().toString();
    static final FlakyReportSource FLAKY_SOURCE = new FlakyReportSource(ReportSource.fixture(POISON_IVY));
    static final String APT1_REPORT;
    static final String C2_REPORT;
    static final String LATER_FIRST_REPORT;
    static final String FLAKY_GOOD_REPORT;
    static final String FLAKY_BAD_REPORT;

    static {
        Instant past = Instant.now().minus(Duration.ofDays(30));
        STIXIFY.addDossier(HISTORY, "History", true);
        STIXIFY.addDossier(LATER, "Later", true);
        STIXIFY.addDossier(FLAKY, "Flaky", true);
        STIXIFY.addDossier(UUID.randomUUID().toString(), "Not configured", true);
        APT1_REPORT = STIXIFY.addFixtureReport(HISTORY, APT1, past);
        C2_REPORT = STIXIFY.addFixtureReport(HISTORY, C2, past.plusSeconds(60));
        LATER_FIRST_REPORT = STIXIFY.addFixtureReport(LATER, C2, past);
        FLAKY_GOOD_REPORT = STIXIFY.addFixtureReport(FLAKY, C2, past);
        FLAKY_BAD_REPORT = STIXIFY.addReport(FLAKY, "Poison Ivy", FLAKY_SOURCE, past.plusSeconds(60));
    }

    @DynamicPropertySource
    static void stixify(DynamicPropertyRegistry registry) {
        registry.add("stixify.base_url", STIXIFY::baseUrl);
        registry.add("stixify.api_key", () -> API_KEY);
        registry.add("stixify.dossier_ids", () -> " " + HISTORY + " , " + LATER + "," + FLAKY + " ");
        registry.add("stixify.interval", () -> "1 hour");
    }

    @AfterAll
    static void stopEmulator() {
        STIXIFY.close();
    }

    @Autowired
    StixifyHubConnector connector;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theFirstRunStoresTheWholeHistoryAndCaseObservablesShowItAsSeenInIntel() {
        awaitFirstRun(connector, HISTORY);
        assertThat(partition(connector, HISTORY).lastSuccessAt()).isNotNull();
        assertThat(reportsStored(HISTORY)).isEqualTo(2);
        assertThat(linksStored(HISTORY)).isEqualTo(76 + 8);
        assertThat(stored("indicator--3f3ff9f1-bb4e-4392-89e5-1991179042ba")).isTrue();

        String caseId = createCase(admin, unique("stixify"));
        JsonNode seen = seenInIntel(admin, caseId, "domain", "hugesoft.org");
        assertThat(seen).anySatisfy(s -> {
            assertThat(s.get("stixId").asString()).isEqualTo("indicator--3f3ff9f1-bb4e-4392-89e5-1991179042ba");
            assertThat(s.get("reportId").asString()).isEqualTo(APT1_REPORT);
            assertThat(s.get("reportName").asString()).isEqualTo(APT1);
            assertThat(s.get("dossierId").asString()).isEqualTo(HISTORY);
            assertThat(s.get("dossierName").asString()).isEqualTo("History");
        });
        assertThat(seenInIntel(admin, caseId, "hash", "EF537F25C895BFA782526529A9B63D97AA631564D5D789C2B765448C8635FB6C"))
                .anySatisfy(s -> assertThat(s.get("reportId").asString()).isEqualTo(C2_REPORT));

        String cursor = checkpoint(admin, HISTORY);
        assertThat(cursor).isNotNull();
        assertThat(StixifyTimestamps.parse(cursor)).isAfter(Instant.now().minus(Duration.ofMinutes(5)));
        var counters = admin.get("/api/v1/connector/stixify").json().get("partitions");
        assertThat(counters).anySatisfy(p -> {
            assertThat(p.get("partition").asString()).isEqualTo(HISTORY);
            assertThat(p.get("counters").get("reports").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(p.get("counters").get("objects").asLong()).isGreaterThanOrEqualTo(84);
            assertThat(p.has("lagMillis")).isTrue();
        });
    }

    @Test
    void aReportAddedLaterArrivesOnTheNextRunAndNothingElseIsFetchedAgain() {
        awaitFirstRun(connector, LATER);
        assertThat(lookup(admin, "ip", "198.51.100.3", LATER)).isEmpty();
        long firstFetches = objectFetches(STIXIFY, LATER_FIRST_REPORT);
        assertThat(firstFetches).isEqualTo(1);
        String newReport = STIXIFY.addFixtureReport(LATER, SCOS, Instant.now());

        var triggered = admin.post("/api/v1/connector/stixify/sync?dossier=" + LATER, Map.of());
        assertThat(triggered.status()).as(triggered.toString()).isEqualTo(202);
        await(() -> !lookup(admin, "ip", "198.51.100.3", LATER).isEmpty(), Duration.ofSeconds(30));
        await(() -> !partition(connector, LATER).running(), Duration.ofSeconds(30));

        assertThat(lookup(admin, "ip", "198.51.100.3", LATER))
                .allSatisfy(s -> assertThat(s.get("reportId").asString()).isEqualTo(newReport));
        assertThat(objectFetches(STIXIFY, newReport)).isEqualTo(1);
        assertThat(objectFetches(STIXIFY, LATER_FIRST_REPORT)).isEqualTo(firstFetches);
        assertThat(STIXIFY.requests()).anySatisfy(r -> {
            assertThat(r.path()).isEqualTo("/v1/dossiers/" + LATER + "/reports/");
            assertThat(r.rawQuery()).contains("added_after=");
        });
        assertThat(reportsStored(LATER)).isEqualTo(2);
        assertThat(admin.post("/api/v1/connector/stixify/sync?dossier=" + UUID.randomUUID(), Map.of()).status()).isEqualTo(404);
        assertThat(newUser(unique("org"), "analyst").post("/api/v1/connector/stixify/sync", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void aFailingReportIsRetriedOnTheNextRunWithoutMovingTheCursorAndHealthSaysWhy() throws Exception {
        awaitFirstRun(connector, FLAKY);
        var p = partition(connector, FLAKY);
        assertThat(p.consecutiveFailures()).isGreaterThanOrEqualTo(1);
        assertThat(p.lastError()).contains(FLAKY_BAD_REPORT).contains("500");
        assertThat(checkpoint(admin, FLAKY)).isNull();
        // The good report of the dossier is stored already; it is simply stored again next time.
        assertThat(reportsStored(FLAKY)).isEqualTo(1);

        var status = admin.get("/api/status");
        assertThat(status.body()).doesNotContain(API_KEY);
        JsonNode stixify = status.json().get("connectors").get("stixify");
        assertThat(stixify.get("enabled").asBoolean()).isTrue();
        assertThat(stixify.get("status").asString()).isIn("WARNING", "ERROR");
        assertThat(stixify.get("lastError").asString()).isNotBlank();
        assertThat(stixify.get("counters").get("reports").asLong()).isPositive();
        assertThat(stixify.get("lagMillis").asLong()).isNotNegative();
        assertThat(stixify.get("lastSuccessAt").asLong()).isPositive();
        JsonNode server = stixify.get("servers").get(0);
        assertThat(server.get("name").asString()).isEqualTo("Stixify");
        assertThat(server.get("url").asString()).isEqualTo(STIXIFY.baseUrl());
        // The other dossiers' runs reach Stixify fine, so the server may be OK again; its last error stays visible.
        assertThat(server.get("lastError").asString()).contains("500").contains(FLAKY_BAD_REPORT);
        var detail = admin.get("/api/v1/connector/stixify");
        assertThat(detail.body()).doesNotContain(API_KEY);
        assertThat(detail.json().get("partitions")).anySatisfy(part -> {
            assertThat(part.get("partition").asString()).isEqualTo(FLAKY);
            assertThat(part.get("lastError").asString()).contains(FLAKY_BAD_REPORT);
        });

        FLAKY_SOURCE.failing.set(false);
        long goodFetches = objectFetches(STIXIFY, FLAKY_GOOD_REPORT);
        assertThat(syncNow(connector, FLAKY)).isEqualTo(PartitionScheduler.Outcome.SUCCEEDED);
        assertThat(objectFetches(STIXIFY, FLAKY_GOOD_REPORT)).isEqualTo(goodFetches + 1);
        assertThat(checkpoint(admin, FLAKY)).isNotNull();
        assertThat(reportsStored(FLAKY)).isEqualTo(2);
        assertThat(lookup(admin, "ip", "219.76.208.163", FLAKY))
                .anySatisfy(s -> assertThat(s.get("reportId").asString()).isEqualTo(FLAKY_BAD_REPORT));
        assertThat(linksStored(FLAKY)).isEqualTo(8 + distinctIds(POISON_IVY));
        assertThat(admin.get("/api/status").json().get("connectors").get("stixify").get("servers").get(0).get("status")
                .asString()).isEqualTo("OK");
    }

    @Test
    void resettingTheCheckpointReimportsEverythingWithoutDuplicates() throws Exception {
        awaitFirstRun(connector, HISTORY);
        long objects = jdbc.sql("SELECT COUNT(*) FROM intel_object").query(Long.class).single();
        long links = linksStored(HISTORY);
        long apt1Fetches = objectFetches(STIXIFY, APT1_REPORT);
        long c2Fetches = objectFetches(STIXIFY, C2_REPORT);
        int seen = lookup(admin, "domain", "hugesoft.org", HISTORY).size();

        var reset = admin.put("/api/v1/connector/stixify/checkpoint/" + HISTORY, Map.of("date", 0));
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(checkpoint(admin, HISTORY)).isEqualTo("1970-01-01T00:00:00.000000+00:00");
        assertThat(syncNow(connector, HISTORY)).isEqualTo(PartitionScheduler.Outcome.SUCCEEDED);

        assertThat(objectFetches(STIXIFY, APT1_REPORT)).isEqualTo(apt1Fetches + 1);
        assertThat(objectFetches(STIXIFY, C2_REPORT)).isEqualTo(c2Fetches + 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intel_object").query(Long.class).single()).isEqualTo(objects);
        assertThat(linksStored(HISTORY)).isEqualTo(links);
        assertThat(reportsStored(HISTORY)).isEqualTo(2);
        assertThat(lookup(admin, "domain", "hugesoft.org", HISTORY)).hasSize(seen);
        assertThat(StixifyTimestamps.parse(checkpoint(admin, HISTORY))).isAfter(Instant.now().minus(Duration.ofMinutes(5)));
    }

    private static long distinctIds(String fixture) {
        ReportSource source = ReportSource.fixture(fixture);
        java.util.Set<String> ids = new java.util.HashSet<>();
        source.objects(0, source.size()).forEachRemaining(o -> ids.add(o.get("id").asString()));
        return ids.size();
    }

    private long reportsStored(String dossierId) {
        return jdbc.sql("SELECT COUNT(*) FROM intel_report WHERE dossier_id = ?").param(dossierId).query(Long.class).single();
    }

    private long linksStored(String dossierId) {
        return jdbc.sql("SELECT COUNT(*) FROM intel_object_report l JOIN intel_report r ON r.id = l.report_ref WHERE r.dossier_id = ?")
                .param(dossierId).query(Long.class).single();
    }

    private boolean stored(String stixId) {
        return jdbc.sql("SELECT COUNT(*) FROM intel_object WHERE stix_id = ?").param(stixId).query(Long.class).single() > 0;
    }
}
