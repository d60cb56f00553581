package io.sightline.server.connectors.stixify;

import static io.sightline.server.connectors.stixify.StixifyHubTestSupport.awaitFirstRun;
import static io.sightline.server.connectors.stixify.StixifyHubTestSupport.checkpoint;
import static io.sightline.server.connectors.stixify.StixifyHubTestSupport.partition;
import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.HubTest;
import io.sightline.testkit.amqp.AmqpBroker;
import io.sightline.testkit.opencti.EmulatedWork;
import io.sightline.testkit.opencti.OpenCtiEmulator;
import io.sightline.testkit.stixify.ReportSource;
import io.sightline.testkit.stixify.StixifyEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The Stixify connector publishing to OpenCTI over AMQP (RabbitMQ or an embedded broker), one
 * object per message, while storing the report in the intel store. Run on H2 and PostgreSQL.
 */
abstract class StixifyAmqpContract extends HubTest {
    static final String REPORT = "report-ransomware.json";

    /** The broker and emulated servers of one database variant, and the dossier of the test. */
    static final class Servers implements AutoCloseable {
        final String apiKey = "stixify-key-" + UUID.randomUUID();
        final String token = "opencti-token-" + UUID.randomUUID();
        final String connectorId = UUID.randomUUID().toString();
        final AmqpBroker broker = AmqpBroker.start();
        final StixifyEmulator stixify = StixifyEmulator.start(apiKey);
        final OpenCtiEmulator opencti = OpenCtiEmulator.start(token, broker);
        final String dossier = UUID.randomUUID().toString();
        final String report;

        Servers() {
            stixify.addDossier(dossier, "Over AMQP", true);
            report = stixify.addSampleReport(dossier, REPORT, Instant.now().minus(Duration.ofDays(1)));
        }

        void register(DynamicPropertyRegistry registry) {
            registry.add("stixify.base_url", stixify::baseUrl);
            registry.add("stixify.api_key", () -> apiKey);
            registry.add("stixify.dossier_ids", () -> dossier);
            registry.add("stixify.opencti.url", opencti::url);
            registry.add("stixify.opencti.token", () -> token);
            registry.add("stixify.opencti.connector_id", () -> connectorId);
        }

        @Override
        public void close() throws Exception {
            stixify.close();
            opencti.close();
            broker.close();
        }
    }

    /** The servers of this database variant. */
    protected abstract Servers servers();

    @Autowired
    StixifyHubConnector connector;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyObjectOfTheReportIsPublishedAndConfirmedBeforeTheCursorMoves() throws Exception {
        Servers servers = servers();
        awaitFirstRun(connector, servers.dossier);
        assertThat(partition(connector, servers.dossier).lastSuccessAt()).as(partition(connector, servers.dossier).lastError())
                .isNotNull();
        assertThat(checkpoint(admin, servers.dossier)).isNotNull();
        assertThat(servers.opencti.awaitSettled(Duration.ofSeconds(30))).isTrue();

        ReportSource source = ReportSource.sample(REPORT);
        Set<String> expected = new HashSet<>();
        source.objects(0, source.size()).forEachRemaining(o -> expected.add(o.get("id").asString()));
        Set<String> received = new HashSet<>();
        servers.opencti.received().allObjects().forEach(o -> received.add(o.get("id").asString()));
        assertThat(received).isEqualTo(expected);
        assertThat(servers.opencti.received().amqpMessages()).isEqualTo(expected.size());
        assertThat(servers.opencti.received().nonPersistentMessages()).isZero();

        EmulatedWork.View work = servers.opencti.works().stream()
                .filter(w -> w.name().equals("Dossier: Over AMQP (" + servers.dossier + ")")).findFirst().orElseThrow();
        assertThat(work.inError()).isFalse();
        assertThat(work.expected()).isEqualTo(expected.size());
        assertThat(admin.get("/api/status").json().get("connectors").get("stixify").get("servers").get(1).get("protocol")
                .asString()).isEqualTo("amqp");
        // The same objects went to the intel store, linked to the report.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intel_object_report l JOIN intel_report r ON r.id = l.report_ref"
                + " WHERE r.dossier_id = ? AND r.report_id = ?").params(servers.dossier, servers.report)
                .query(Long.class).single()).isEqualTo(expected.size());
    }
}
