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
import io.sightline.server.connectors.spi.PartitionScheduler;
import io.sightline.server.support.HubTest;
import io.sightline.testkit.stixify.ReportSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The Stixify connector in the hub against the Stixify emulator serving the project's STIX samples:
 * dossier history into the intel store, incremental runs, failures, checkpoint resets, health.
 * Each test works on its own dossier (one hub partition each). Run on H2 and PostgreSQL.
 */
abstract class StixifyConnectorContract extends HubTest {
    /** The phishing sample's landing domain, and the indicator of it. */
    static final String PHISHING_DOMAIN = "webmail-login.example.net";
    static final String PHISHING_DOMAIN_INDICATOR = "indicator--fca3758e-727e-53e5-a3e0-1a861424b3ff";


    /** The emulator and dossiers of this database variant. */
    protected abstract StixifyDossiers stixify();

    @Autowired
    StixifyHubConnector connector;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theFirstRunStoresTheWholeHistoryAndCaseObservablesShowItAsSeenInIntel() {
        StixifyDossiers dossiers = stixify();
        awaitFirstRun(connector, dossiers.history);
        assertThat(partition(connector, dossiers.history).lastSuccessAt()).isNotNull();
        assertThat(reportsStored(dossiers.history)).isEqualTo(2);
        long objects = distinctIds(StixifyDossiers.PHISHING) + distinctIds(StixifyDossiers.RANSOMWARE);
        assertThat(linksStored(dossiers.history)).isEqualTo(objects);
        assertThat(stored(PHISHING_DOMAIN_INDICATOR)).isTrue();

        String caseId = createCase(admin, unique("stixify"));
        JsonNode seen = seenInIntel(admin, caseId, "domain", PHISHING_DOMAIN);
        assertThat(seen).anySatisfy(s -> {
            assertThat(s.get("stixId").asString()).isEqualTo(PHISHING_DOMAIN_INDICATOR);
            assertThat(s.get("reportId").asString()).isEqualTo(dossiers.phishingReport);
            assertThat(s.get("reportName").asString()).isEqualTo(StixifyDossiers.PHISHING);
            assertThat(s.get("dossierId").asString()).isEqualTo(dossiers.history);
            assertThat(s.get("dossierName").asString()).isEqualTo("History");
        });
        assertThat(seenInIntel(admin, caseId, "hash", "C0B86A32EC67CE1CFB238543DA52D047CB64C1008775BB3F57AD3F018C49FA3C"))
                .anySatisfy(s -> assertThat(s.get("reportId").asString()).isEqualTo(dossiers.ransomwareReport));

        String cursor = checkpoint(admin, dossiers.history);
        assertThat(cursor).isNotNull();
        assertThat(StixifyTimestamps.parse(cursor)).isAfter(Instant.now().minus(Duration.ofMinutes(5)));
        var counters = admin.get("/api/v1/connector/stixify").json().get("partitions");
        assertThat(counters).anySatisfy(p -> {
            assertThat(p.get("partition").asString()).isEqualTo(dossiers.history);
            assertThat(p.get("counters").get("reports").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(p.get("counters").get("objects").asLong()).isGreaterThanOrEqualTo(objects);
            assertThat(p.has("lagMillis")).isTrue();
        });
    }

    @Test
    void aReportAddedLaterArrivesOnTheNextRunAndNothingElseIsFetchedAgain() {
        StixifyDossiers dossiers = stixify();
        awaitFirstRun(connector, dossiers.later);
        assertThat(lookup(admin, "ip", "198.51.100.23", dossiers.later)).isEmpty();
        long firstFetches = objectFetches(dossiers.emulator, dossiers.laterFirstReport);
        assertThat(firstFetches).isEqualTo(1);
        String newReport = dossiers.emulator.addSampleReport(dossiers.later, StixifyDossiers.RAT_C2, Instant.now());

        var triggered = admin.post("/api/v1/connector/stixify/sync?dossier=" + dossiers.later, Map.of());
        assertThat(triggered.status()).as(triggered.toString()).isEqualTo(202);
        await(() -> !lookup(admin, "ip", "198.51.100.23", dossiers.later).isEmpty(), Duration.ofSeconds(30));
        await(() -> !partition(connector, dossiers.later).running(), Duration.ofSeconds(30));

        assertThat(lookup(admin, "ip", "198.51.100.23", dossiers.later))
                .allSatisfy(s -> assertThat(s.get("reportId").asString()).isEqualTo(newReport));
        assertThat(objectFetches(dossiers.emulator, newReport)).isEqualTo(1);
        assertThat(objectFetches(dossiers.emulator, dossiers.laterFirstReport)).isEqualTo(firstFetches);
        assertThat(dossiers.emulator.requests()).anySatisfy(r -> {
            assertThat(r.path()).isEqualTo("/v1/dossiers/" + dossiers.later + "/reports/");
            assertThat(r.rawQuery()).contains("added_after=");
        });
        assertThat(reportsStored(dossiers.later)).isEqualTo(2);
        assertThat(admin.post("/api/v1/connector/stixify/sync?dossier=" + UUID.randomUUID(), Map.of()).status()).isEqualTo(404);
        assertThat(newUser(unique("org"), "analyst").post("/api/v1/connector/stixify/sync", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void aFailingReportIsRetriedOnTheNextRunWithoutMovingTheCursorAndHealthSaysWhy() throws Exception {
        StixifyDossiers dossiers = stixify();
        awaitFirstRun(connector, dossiers.flaky);
        var p = partition(connector, dossiers.flaky);
        assertThat(p.consecutiveFailures()).isGreaterThanOrEqualTo(1);
        assertThat(p.lastError()).contains(dossiers.flakyBadReport).contains("500");
        // No cursor yet; the checkpoint holds the failure count, so a restart keeps it.
        JsonNode failing = json(checkpoint(admin, dossiers.flaky));
        assertThat(failing.has("last_run_at")).isFalse();
        assertThat(failing.get("failed_reports").get(dossiers.flakyBadReport).get("failed_runs").asInt()).isGreaterThanOrEqualTo(1);
        // The good report of the dossier is stored already; it is simply stored again next time.
        assertThat(reportsStored(dossiers.flaky)).isEqualTo(1);

        var status = admin.get("/api/status");
        assertThat(status.body()).doesNotContain(dossiers.apiKey);
        JsonNode stixify = status.json().get("connectors").get("stixify");
        assertThat(stixify.get("enabled").asBoolean()).isTrue();
        assertThat(stixify.get("status").asString()).isIn("WARNING", "ERROR");
        assertThat(stixify.get("lastError").asString()).isNotBlank();
        assertThat(stixify.get("counters").get("reports").asLong()).isPositive();
        assertThat(stixify.get("lagMillis").asLong()).isNotNegative();
        assertThat(stixify.get("lastSuccessAt").asLong()).isPositive();
        JsonNode server = stixify.get("servers").get(0);
        assertThat(server.get("name").asString()).isEqualTo("Stixify");
        assertThat(server.get("url").asString()).isEqualTo(dossiers.emulator.baseUrl());
        // The other dossiers' runs reach Stixify fine, so the server may be OK again; its last error stays visible.
        // (The Stubborn dossier's report fails too: the server's last error may be about either.)
        assertThat(server.get("lastError").asString()).contains("500").containsAnyOf(dossiers.flakyBadReport, dossiers.stubbornBadReport);
        var detail = admin.get("/api/v1/connector/stixify");
        assertThat(detail.body()).doesNotContain(dossiers.apiKey);
        assertThat(detail.json().get("partitions")).anySatisfy(part -> {
            assertThat(part.get("partition").asString()).isEqualTo(dossiers.flaky);
            assertThat(part.get("lastError").asString()).contains(dossiers.flakyBadReport);
        });

        dossiers.flakySource.failing.set(false);
        long goodFetches = objectFetches(dossiers.emulator, dossiers.flakyGoodReport);
        assertThat(syncNow(connector, dossiers.flaky)).isEqualTo(PartitionScheduler.Outcome.SUCCEEDED);
        assertThat(objectFetches(dossiers.emulator, dossiers.flakyGoodReport)).isEqualTo(goodFetches + 1);
        assertThat(checkpoint(admin, dossiers.flaky)).isNotNull();
        assertThat(reportsStored(dossiers.flaky)).isEqualTo(2);
        assertThat(lookup(admin, "ip", "203.0.113.50", dossiers.flaky))
                .anySatisfy(s -> assertThat(s.get("reportId").asString()).isEqualTo(dossiers.flakyBadReport));
        assertThat(linksStored(dossiers.flaky)).isEqualTo(distinctIds(StixifyDossiers.RANSOMWARE) + distinctIds(StixifyDossiers.VPN));
        assertThat(admin.get("/api/status").json().get("connectors").get("stixify").get("servers").get(0).get("status")
                .asString()).isEqualTo("OK");
    }

    @Test
    void aReportFailingThreeRunsIsSetAsideInTheCheckpointShownOnTheAboutPageAndRetriedAfterAReset() throws Exception {
        StixifyDossiers dossiers = stixify();
        awaitFirstRun(connector, dossiers.stubborn);
        // Scheduled retries may add runs of their own: sync until the report is set aside, at its third failed run,
        // which then moves the dossier on.
        JsonNode third = json(checkpoint(admin, dossiers.stubborn)).get("failed_reports").get(dossiers.stubbornBadReport);
        assertThat(third.get("set_aside").asBoolean()).isFalse();
        PartitionScheduler.Outcome outcome = null;
        for (int i = 0; i < 3 && !third.get("set_aside").asBoolean(); i++) {
            outcome = syncNow(connector, dossiers.stubborn);
            third = json(checkpoint(admin, dossiers.stubborn)).get("failed_reports").get(dossiers.stubbornBadReport);
        }
        assertThat(third.get("set_aside").asBoolean()).isTrue();
        assertThat(third.get("failed_runs").asInt()).isEqualTo(3);
        assertThat(outcome).isEqualTo(PartitionScheduler.Outcome.SUCCEEDED);

        long badFetches = objectFetches(dossiers.emulator, dossiers.stubbornBadReport);
        assertThat(syncNow(connector, dossiers.stubborn)).isEqualTo(PartitionScheduler.Outcome.SUCCEEDED);
        assertThat(objectFetches(dossiers.emulator, dossiers.stubbornBadReport)).isEqualTo(badFetches);
        JsonNode moved = json(checkpoint(admin, dossiers.stubborn));
        assertThat(StixifyTimestamps.parse(moved.get("last_run_at").asString())).isAfter(Instant.now().minus(Duration.ofMinutes(5)));
        assertThat(moved.get("failed_reports").get(dossiers.stubbornBadReport).get("set_aside").asBoolean()).isTrue();

        JsonNode listed = admin.get("/api/status").json().get("connectors").get("stixify").get("failedReports");
        assertThat(listed).anySatisfy(f -> {
            assertThat(f.get("reportId").asString()).isEqualTo(dossiers.stubbornBadReport);
            assertThat(f.get("dossierId").asString()).isEqualTo(dossiers.stubborn);
            assertThat(f.get("failedRuns").asInt()).isEqualTo(3);
            assertThat(f.get("setAside").asBoolean()).isTrue();
            assertThat(f.get("lastError").asString()).contains("500");
        });
        String about = StixifyHubTestSupport.aboutPage(port, ADMIN_PASSWORD);
        assertThat(about).contains("Failing reports").contains(dossiers.stubbornBadReport).contains("Always broken")
                .contains(dossiers.stubborn).contains("Set aside").doesNotContain(dossiers.apiKey);

        // Resetting the checkpoint forgets the count: the next run tries the report again.
        assertThat(admin.put("/api/v1/connector/stixify/checkpoint/" + dossiers.stubborn, Map.of("date", 0)).status()).isEqualTo(200);
        assertThat(syncNow(connector, dossiers.stubborn)).isEqualTo(PartitionScheduler.Outcome.FAILED);
        assertThat(objectFetches(dossiers.emulator, dossiers.stubbornBadReport)).isGreaterThan(badFetches);
        assertThat(json(checkpoint(admin, dossiers.stubborn)).get("failed_reports").get(dossiers.stubbornBadReport)
                .get("failed_runs").asInt()).isLessThan(3);
    }

    private static JsonNode json(String text) {
        assertThat(text).as("checkpoint").isNotNull().startsWith("{");
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(text);
    }

    @Test
    void resettingTheCheckpointReimportsEverythingWithoutDuplicates() throws Exception {
        StixifyDossiers dossiers = stixify();
        awaitFirstRun(connector, dossiers.history);
        long objects = jdbc.sql("SELECT COUNT(*) FROM intel_object").query(Long.class).single();
        long links = linksStored(dossiers.history);
        long phishingFetches = objectFetches(dossiers.emulator, dossiers.phishingReport);
        long ransomwareFetches = objectFetches(dossiers.emulator, dossiers.ransomwareReport);
        int seen = lookup(admin, "domain", PHISHING_DOMAIN, dossiers.history).size();

        var reset = admin.put("/api/v1/connector/stixify/checkpoint/" + dossiers.history, Map.of("date", 0));
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(checkpoint(admin, dossiers.history)).isEqualTo("1970-01-01T00:00:00.000000+00:00");
        assertThat(syncNow(connector, dossiers.history)).isEqualTo(PartitionScheduler.Outcome.SUCCEEDED);

        assertThat(objectFetches(dossiers.emulator, dossiers.phishingReport)).isEqualTo(phishingFetches + 1);
        assertThat(objectFetches(dossiers.emulator, dossiers.ransomwareReport)).isEqualTo(ransomwareFetches + 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intel_object").query(Long.class).single()).isEqualTo(objects);
        assertThat(linksStored(dossiers.history)).isEqualTo(links);
        assertThat(reportsStored(dossiers.history)).isEqualTo(2);
        assertThat(lookup(admin, "domain", PHISHING_DOMAIN, dossiers.history)).hasSize(seen);
        assertThat(StixifyTimestamps.parse(checkpoint(admin, dossiers.history))).isAfter(Instant.now().minus(Duration.ofMinutes(5)));
    }

    private static long distinctIds(String sample) {
        ReportSource source = ReportSource.sample(sample);
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
