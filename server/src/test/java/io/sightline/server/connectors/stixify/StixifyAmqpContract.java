package io.sightline.server.connectors.stixify;

import static io.sightline.server.connectors.stixify.StixifyHubTestSupport.awaitFirstRun;
import static io.sightline.server.connectors.stixify.StixifyHubTestSupport.checkpoint;
import static io.sightline.server.connectors.stixify.StixifyHubTestSupport.partition;
import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.H2Database;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Stixify connector publishing to OpenCTI over AMQP (RabbitMQ or an embedded broker), one object per message. */
@ContextConfiguration(initializers = H2Database.class)
class StixifyAmqpHubTest extends HubTest {
    static final String API_KEY = "stixify-key-" + UUID.randomUUID();
    static final String TOKEN = "opencti-token-" + UUID.randomUUID();
    static final String CONNECTOR_ID = UUID.randomUUID().toString();
    static final String C2 = "oasis-indicators-for-C2-with-COA.json";

    static final AmqpBroker BROKER = AmqpBroker.start();
    static final StixifyEmulator STIXIFY = StixifyEmulator.start(API_KEY);
    static final OpenCtiEmulator OPENCTI = OpenCtiEmulator.start(TOKEN, BROKER);
    static final String DOSSIER = UUID.randomUUID().toString();

    static {
        STIXIFY.addDossier(DOSSIER, "Over AMQP", true);
        STIXIFY.addFixtureReport(DOSSIER, C2, Instant.now().minus(Duration.ofDays(1)));
    }

    @DynamicPropertySource
    static void stixify(DynamicPropertyRegistry registry) {
        registry.add("stixify.base_url", STIXIFY::baseUrl);
        registry.add("stixify.api_key", () -> API_KEY);
        registry.add("stixify.dossier_ids", () -> DOSSIER);
        registry.add("stixify.opencti.url", OPENCTI::url);
        registry.add("stixify.opencti.token", () -> TOKEN);
        registry.add("stixify.opencti.connector_id", () -> CONNECTOR_ID);
    }

    @AfterAll
    static void stopAll() throws Exception {
        STIXIFY.close();
        OPENCTI.close();
        BROKER.close();
    }

    @Autowired
    StixifyHubConnector connector;

    @Test
    void everyObjectOfTheReportIsPublishedAndConfirmedBeforeTheCursorMoves() throws Exception {
        awaitFirstRun(connector, DOSSIER);
        assertThat(partition(connector, DOSSIER).lastSuccessAt()).as(partition(connector, DOSSIER).lastError()).isNotNull();
        assertThat(checkpoint(admin, DOSSIER)).isNotNull();
        assertThat(OPENCTI.awaitSettled(Duration.ofSeconds(30))).isTrue();

        ReportSource source = ReportSource.fixture(C2);
        Set<String> expected = new HashSet<>();
        source.objects(0, source.size()).forEachRemaining(o -> expected.add(o.get("id").asString()));
        Set<String> received = new HashSet<>();
        OPENCTI.received().allObjects().forEach(o -> received.add(o.get("id").asString()));
        assertThat(received).isEqualTo(expected);
        assertThat(OPENCTI.received().amqpMessages()).isEqualTo(expected.size());
        assertThat(OPENCTI.received().nonPersistentMessages()).isZero();

        EmulatedWork.View work = OPENCTI.works().stream().filter(w -> w.name().equals("Dossier: Over AMQP (" + DOSSIER + ")"))
                .findFirst().orElseThrow();
        assertThat(work.inError()).isFalse();
        assertThat(work.expected()).isEqualTo(expected.size());
        assertThat(admin.get("/api/status").json().get("connectors").get("stixify").get("servers").get(1).get("protocol")
                .asString()).isEqualTo("amqp");
    }
}
