package io.sightline.server.connectors.stixify;

import static io.sightline.server.connectors.stixify.StixifyHubTestSupport.awaitFirstRun;
import static io.sightline.server.connectors.stixify.StixifyHubTestSupport.checkpoint;
import static io.sightline.server.connectors.stixify.StixifyHubTestSupport.lookup;
import static io.sightline.server.connectors.stixify.StixifyHubTestSupport.partition;
import static io.sightline.server.connectors.stixify.StixifyHubTestSupport.syncNow;
import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.connectors.PartitionScheduler;
import io.sightline.server.support.H2Database;
import io.sightline.server.support.HubTest;
import io.sightline.testkit.opencti.EmulatedWork;
import io.sightline.testkit.opencti.OpenCtiEmulator;
import io.sightline.testkit.stixify.ReportSource;
import io.sightline.testkit.stixify.StixifyEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The Stixify connector with an OpenCTI target (API protocol): each report goes to the intel store and to OpenCTI. */
@ContextConfiguration(initializers = H2Database.class)
class StixifyOpenCtiHubTest extends HubTest {
    static final String API_KEY = "stixify-key-" + UUID.randomUUID();
    static final String TOKEN = "opencti-token-" + UUID.randomUUID();
    static final String CONNECTOR_ID = UUID.randomUUID().toString();
    static final String APT1 = "oasis-apt1-report.json";
    static final String C2 = "oasis-indicators-for-C2-with-COA.json";

    static final StixifyEmulator STIXIFY = StixifyEmulator.start(API_KEY);
    static final OpenCtiEmulator OPENCTI = OpenCtiEmulator.start(TOKEN, null);
    static final String DOSSIER = UUID.randomUUID().toString();
    static final String APT1_REPORT;
    static final String C2_REPORT;

    static {
        Instant past = Instant.now().minus(Duration.ofDays(3));
        STIXIFY.addDossier(DOSSIER, "Shared dossier", true);
        APT1_REPORT = STIXIFY.addFixtureReport(DOSSIER, APT1, past);
        C2_REPORT = STIXIFY.addFixtureReport(DOSSIER, C2, past.plusSeconds(1));
    }

    @DynamicPropertySource
    static void stixify(DynamicPropertyRegistry registry) {
        registry.add("stixify.baseUrl", STIXIFY::baseUrl);
        registry.add("stixify.apiKey", () -> API_KEY);
        registry.add("stixify.dossierIds[0]", () -> DOSSIER);
        registry.add("stixify.interval_hours", () -> "12");
        registry.add("stixify.opencti.url", OPENCTI::url);
        registry.add("stixify.opencti.token", () -> TOKEN);
        registry.add("stixify.opencti.connector_id", () -> CONNECTOR_ID);
        registry.add("stixify.opencti.queue_protocol", () -> "api");
    }

    @AfterAll
    static void stopEmulators() {
        STIXIFY.close();
        OPENCTI.close();
    }

    @Autowired
    StixifyHubConnector connector;
    @Autowired
    JdbcClient jdbc;

    @Test
    void eachReportArrivesInOpenCtiAsABundleAndInTheIntelStore() {
        awaitFirstRun(connector, DOSSIER);
        assertThat(partition(connector, DOSSIER).lastSuccessAt()).as(partition(connector, DOSSIER).lastError()).isNotNull();
        assertThat(connector.settings().orElseThrow().interval()).isEqualTo(Duration.ofHours(12));
        assertThat(OPENCTI.isRegistered(CONNECTOR_ID)).isTrue();

        List<JsonNode> bundles = OPENCTI.received().apiBundles();
        assertThat(bundles).hasSizeGreaterThanOrEqualTo(2);
        assertThat(bundles).allSatisfy(b -> assertThat(b.get("id").asString()).matches("bundle--[0-9a-f-]{36}"));
        // The run at start-up sent these two first (another test may add a report later).
        assertThat(idsReceived(bundles.subList(0, 2))).isEqualTo(union(fixtureIds(APT1), fixtureIds(C2)));

        EmulatedWork.View work = OPENCTI.works().stream().filter(w -> w.name().equals("Dossier: Shared dossier (" + DOSSIER + ")"))
                .findFirst().orElseThrow();
        assertThat(work.markedProcessed()).isTrue();
        assertThat(work.inError()).isFalse();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM intel_report WHERE dossier_id = ? AND report_id IN (?, ?)")
                .params(DOSSIER, APT1_REPORT, C2_REPORT).query(Long.class).single()).isEqualTo(2);
        assertThat(lookup(admin, "domain", "hugesoft.org", DOSSIER))
                .anySatisfy(s -> assertThat(s.get("reportId").asString()).isEqualTo(APT1_REPORT));

        var status = admin.get("/api/status");
        assertThat(status.body()).doesNotContain(TOKEN).doesNotContain(API_KEY);
        JsonNode servers = status.json().get("connectors").get("stixify").get("servers");
        assertThat(servers.get(1).get("name").asString()).isEqualTo("OpenCTI");
        assertThat(servers.get(1).get("status").asString()).isEqualTo("OK");
        assertThat(servers.get(1).get("version").asString()).isEqualTo(OpenCtiEmulator.VERSION);
        assertThat(servers.get(1).get("protocol").asString()).isEqualTo("api");
    }

    @Test
    void aReportOpenCtiRefusesIsNotCountedAsDeliveredAndIsSentAgainNextRun() throws Exception {
        awaitFirstRun(connector, DOSSIER);
        String cursor = checkpoint(admin, DOSSIER);
        String newReport = STIXIFY.addReport(DOSSIER, "New", ReportSource.fixture("oasis-infrastructure.json"), Instant.now());
        OPENCTI.failNext("stixBundlePush", 1);

        assertThat(syncNow(connector, DOSSIER)).isEqualTo(PartitionScheduler.Outcome.FAILED);
        assertThat(checkpoint(admin, DOSSIER)).isEqualTo(cursor);
        assertThat(partition(connector, DOSSIER).lastError()).contains(newReport);
        JsonNode opencti = admin.get("/api/status").json().get("connectors").get("stixify").get("servers").get(1);
        assertThat(opencti.get("lastError").asString()).isNotBlank();
        assertThat(OPENCTI.works()).anySatisfy(w -> {
            assertThat(w.name()).isEqualTo("Dossier: Shared dossier (" + DOSSIER + ")");
            assertThat(w.inError()).isTrue();
        });

        int before = OPENCTI.received().apiBundles().size();
        assertThat(syncNow(connector, DOSSIER)).isEqualTo(PartitionScheduler.Outcome.SUCCEEDED);
        assertThat(OPENCTI.received().apiBundles()).hasSize(before + 1);
        assertThat(idsReceived(OPENCTI.received().apiBundles().subList(before, before + 1)))
                .isEqualTo(fixtureIds("oasis-infrastructure.json"));
        assertThat(checkpoint(admin, DOSSIER)).isNotEqualTo(cursor);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intel_report WHERE dossier_id = ? AND report_id = ?")
                .params(DOSSIER, newReport).query(Long.class).single()).isEqualTo(1);
    }

    private static Set<String> idsReceived(List<JsonNode> bundles) {
        Set<String> ids = new HashSet<>();
        bundles.forEach(b -> b.get("objects").forEach(o -> ids.add(o.get("id").asString())));
        return ids;
    }

    private static Set<String> fixtureIds(String fixture) {
        ReportSource source = ReportSource.fixture(fixture);
        Set<String> ids = new HashSet<>();
        source.objects(0, source.size()).forEachRemaining(o -> ids.add(o.get("id").asString()));
        return ids;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
