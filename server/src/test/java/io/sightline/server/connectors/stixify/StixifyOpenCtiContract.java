package io.sightline.server.connectors.stixify;

import static io.sightline.server.connectors.stixify.StixifyHubTestSupport.awaitFirstRun;
import static io.sightline.server.connectors.stixify.StixifyHubTestSupport.checkpoint;
import static io.sightline.server.connectors.stixify.StixifyHubTestSupport.lookup;
import static io.sightline.server.connectors.stixify.StixifyHubTestSupport.partition;
import static io.sightline.server.connectors.stixify.StixifyHubTestSupport.syncNow;
import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.connectors.spi.PartitionScheduler;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The Stixify connector with an OpenCTI target (API protocol): each report goes to the intel store
 * and to OpenCTI. Run on H2 and PostgreSQL.
 */
abstract class StixifyOpenCtiContract extends HubTest {
    static final String PHISHING = "report-webmail-phishing.json";
    static final String RANSOMWARE = "report-ransomware.json";
    static final String LATER = "report-rat-c2.json";

    /** The emulated Stixify and OpenCTI of one database variant, and the dossier the tests share. */
    static final class Servers implements AutoCloseable {
        final String apiKey = "stixify-key-" + UUID.randomUUID();
        final String token = "opencti-token-" + UUID.randomUUID();
        final String connectorId = UUID.randomUUID().toString();
        final StixifyEmulator stixify = StixifyEmulator.start(apiKey);
        final OpenCtiEmulator opencti = OpenCtiEmulator.start(token, null);
        final String dossier = UUID.randomUUID().toString();
        final String phishingReport;
        final String ransomwareReport;

        Servers() {
            Instant past = Instant.now().minus(Duration.ofDays(3));
            stixify.addDossier(dossier, "Shared dossier", true);
            phishingReport = stixify.addSampleReport(dossier, PHISHING, past);
            ransomwareReport = stixify.addSampleReport(dossier, RANSOMWARE, past.plusSeconds(1));
        }

        /** The hub's {@code stixify} block, in the original connector's spelling where it has one. */
        void register(DynamicPropertyRegistry registry) {
            registry.add("stixify.baseUrl", stixify::baseUrl);
            registry.add("stixify.apiKey", () -> apiKey);
            registry.add("stixify.dossierIds[0]", () -> dossier);
            registry.add("stixify.interval_hours", () -> "12");
            registry.add("stixify.opencti.url", opencti::url);
            registry.add("stixify.opencti.token", () -> token);
            registry.add("stixify.opencti.connector_id", () -> connectorId);
            registry.add("stixify.opencti.queue_protocol", () -> "api");
        }

        @Override
        public void close() {
            stixify.close();
            opencti.close();
        }
    }

    /** The servers of this database variant. */
    protected abstract Servers servers();

    @Autowired
    StixifyHubConnector connector;
    @Autowired
    JdbcClient jdbc;

    @Test
    void eachReportArrivesInOpenCtiAsABundleAndInTheIntelStore() {
        Servers servers = servers();
        awaitFirstRun(connector, servers.dossier);
        assertThat(partition(connector, servers.dossier).lastSuccessAt()).as(partition(connector, servers.dossier).lastError())
                .isNotNull();
        assertThat(connector.settings().orElseThrow().interval()).isEqualTo(Duration.ofHours(12));
        assertThat(servers.opencti.isRegistered(servers.connectorId)).isTrue();

        List<JsonNode> bundles = servers.opencti.received().apiBundles();
        assertThat(bundles).hasSizeGreaterThanOrEqualTo(2);
        assertThat(bundles).allSatisfy(b -> assertThat(b.get("id").asString()).matches("bundle--[0-9a-f-]{36}"));
        // The run at start-up sent these two first (another test may add a report later).
        assertThat(idsReceived(bundles.subList(0, 2))).isEqualTo(union(sampleIds(PHISHING), sampleIds(RANSOMWARE)));

        EmulatedWork.View work = servers.opencti.works().stream()
                .filter(w -> w.name().equals("Dossier: Shared dossier (" + servers.dossier + ")")).findFirst().orElseThrow();
        assertThat(work.markedProcessed()).isTrue();
        assertThat(work.inError()).isFalse();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM intel_report WHERE dossier_id = ? AND report_id IN (?, ?)")
                .params(servers.dossier, servers.phishingReport, servers.ransomwareReport).query(Long.class).single()).isEqualTo(2);
        assertThat(lookup(admin, "domain", "webmail-login.example.net", servers.dossier))
                .anySatisfy(s -> assertThat(s.get("reportId").asString()).isEqualTo(servers.phishingReport));

        var status = admin.get("/api/status");
        assertThat(status.body()).doesNotContain(servers.token).doesNotContain(servers.apiKey);
        JsonNode opencti = status.json().get("connectors").get("stixify").get("servers").get(1);
        assertThat(opencti.get("name").asString()).isEqualTo("OpenCTI");
        assertThat(opencti.get("status").asString()).isEqualTo("OK");
        assertThat(opencti.get("version").asString()).isEqualTo(OpenCtiEmulator.VERSION);
        assertThat(opencti.get("protocol").asString()).isEqualTo("api");
    }

    @Test
    void aReportOpenCtiRefusesIsNotCountedAsDeliveredAndIsSentAgainNextRun() throws Exception {
        Servers servers = servers();
        awaitFirstRun(connector, servers.dossier);
        String cursor = checkpoint(admin, servers.dossier);
        String newReport = servers.stixify.addReport(servers.dossier, "New", ReportSource.sample(LATER),
                Instant.now());
        servers.opencti.failNext("stixBundlePush", 1);

        assertThat(syncNow(connector, servers.dossier)).isEqualTo(PartitionScheduler.Outcome.FAILED);
        // The cursor stays; the checkpoint also records the report's first failed run.
        JsonNode kept = tools.jackson.databind.json.JsonMapper.builder().build().readTree(checkpoint(admin, servers.dossier));
        assertThat(kept.get("last_run_at").asString()).isEqualTo(cursor);
        assertThat(kept.get("failed_reports").get(newReport).get("failed_runs").asInt()).isEqualTo(1);
        assertThat(partition(connector, servers.dossier).lastError()).contains(newReport);
        JsonNode opencti = admin.get("/api/status").json().get("connectors").get("stixify").get("servers").get(1);
        assertThat(opencti.get("lastError").asString()).isNotBlank();
        assertThat(servers.opencti.works()).anySatisfy(w -> {
            assertThat(w.name()).isEqualTo("Dossier: Shared dossier (" + servers.dossier + ")");
            assertThat(w.inError()).isTrue();
        });

        int before = servers.opencti.received().apiBundles().size();
        assertThat(syncNow(connector, servers.dossier)).isEqualTo(PartitionScheduler.Outcome.SUCCEEDED);
        assertThat(servers.opencti.received().apiBundles()).hasSize(before + 1);
        assertThat(idsReceived(servers.opencti.received().apiBundles().subList(before, before + 1)))
                .isEqualTo(sampleIds(LATER));
        assertThat(checkpoint(admin, servers.dossier)).isNotEqualTo(cursor).doesNotStartWith("{");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intel_report WHERE dossier_id = ? AND report_id = ?")
                .params(servers.dossier, newReport).query(Long.class).single()).isEqualTo(1);
    }

    private static Set<String> idsReceived(List<JsonNode> bundles) {
        Set<String> ids = new HashSet<>();
        bundles.forEach(b -> b.get("objects").forEach(o -> ids.add(o.get("id").asString())));
        return ids;
    }

    private static Set<String> sampleIds(String sample) {
        ReportSource source = ReportSource.sample(sample);
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
