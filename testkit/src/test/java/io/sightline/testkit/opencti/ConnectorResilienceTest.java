package io.sightline.testkit.opencti;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.integrations.opencti.AmqpBundleDelivery;
import io.sightline.integrations.opencti.AmqpPublisher;
import io.sightline.integrations.opencti.ConnectorRegistration;
import io.sightline.integrations.opencti.ConnectorRuntime;
import io.sightline.integrations.opencti.ConnectorSession;
import io.sightline.integrations.opencti.ConnectorDefinition;
import io.sightline.integrations.opencti.ConnectorInfo;
import io.sightline.integrations.opencti.DeliveryReport;
import io.sightline.integrations.opencti.MqSettings;
import io.sightline.stix.split.OpenCtiSplitter;
import io.sightline.testkit.amqp.AmqpBroker;
import io.sightline.testkit.amqp.TcpProxy;
import io.sightline.testkit.stixify.GeneratedReportSource;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ConnectorResilienceTest {
    static AmqpBroker broker;
    static OpenCtiEmulator platform;

    @BeforeAll
    static void start() {
        broker = AmqpBroker.start();
        platform = OpenCtiEmulator.start(OpenCtiProtocolTest.TOKEN, broker);
    }

    @AfterAll
    static void stop() throws Exception {
        platform.close();
        broker.close();
    }

    @Test
    void aBrokerBlipInTheMiddleOfAReportIsSurvivedWithoutLosingAnObject() throws Exception {
        deliverThroughADisruption(TcpProxy::cutConnections, Duration.ofSeconds(30));
    }

    @Test
    void aConnectionThatFallsSilentMidReportIsReplacedWithoutLosingAnObject() throws Exception {
        deliverThroughADisruption(TcpProxy::silenceConnections, Duration.ofSeconds(2));
    }

    /** Delivers a 6,000-object report through a proxy that {@code disruption} hits while it is being sent. */
    private static void deliverThroughADisruption(Consumer<TcpProxy> disruption, Duration confirmTimeout) throws Exception {
        String id = UUID.randomUUID().toString();
        try (ConnectorSession session = OpenCtiProtocolTest.session(platform, id); TcpProxy proxy = new TcpProxy(broker.host(), broker.port())) {
            ConnectorRegistration reg = session.start();
            MqSettings viaProxy = reg.mq().withOverrides(new MqSettings.MqOverrides("127.0.0.1", proxy.port(), null, null, null, null));
            GeneratedReportSource source = new GeneratedReportSource(6_000, 7, 0);
            Iterator<ObjectNode> objects = source.objects(0, source.size());
            AmqpPublisher publisher = new AmqpPublisher(viaProxy, reg.pushExchange(), reg.pushRouting(), confirmTimeout, 5, 500);
            String workId = session.client().workAdd(id, "Dossier: Blip (d)");
            // Hit while the report is on its way: after its first 200 KB, before the rest is relayed.
            proxy.disruptAfter(200_000, disruption);
            DeliveryReport report;
            try (AmqpBundleDelivery delivery = new AmqpBundleDelivery(session.client(), publisher, new OpenCtiSplitter(), reg.connectorUserId(), 16_000_000)) {
                report = delivery.deliver("bundle--" + UUID.randomUUID(), objects, workId);
                delivery.awaitDelivered();
            }
            session.client().workToProcessed(workId, "[Stixify] Work done", false);
            assertThat(platform.awaitSettled(Duration.ofSeconds(120))).isTrue();

            assertThat(proxy.connectionsAccepted()).as("the publisher reconnected").isGreaterThanOrEqualTo(2);
            Set<String> got = platform.received().objects(workId).stream().map(o -> o.path("id").asString()).collect(Collectors.toSet());
            Set<String> expected = new HashSet<>();
            source.objects(0, source.size()).forEachRemaining(o -> expected.add(o.path("id").asString()));
            assertThat(report.objectsSent()).isEqualTo(expected.size());
            assertThat(got).isEqualTo(expected);
        }
    }

    @Test
    void scheduledRunsAreSkippedWhileTheQueueIsAboveTheThreshold() throws Exception {
        String id = UUID.randomUUID().toString();
        try (ConnectorSession session = new ConnectorSession(OpenCtiProtocolTest.client(platform, OpenCtiProtocolTest.TOKEN),
                ConnectorDefinition.externalImport(id, "Stixify", List.of("stixify")), ConnectorInfo.initial(false, 1.0),
                Duration.ofHours(1))) {
            session.start();
            platform.setQueueMessagesSize(id, 5_000_000);
            AtomicInteger runs = new AtomicInteger();
            ConnectorRuntime runtime = new ConnectorRuntime(session, Duration.ofMillis(100), false, 1.0, Clock.systemUTC());
            Thread loop = new Thread(() -> {
                try {
                    runtime.run(runs::incrementAndGet);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            loop.start();
            Thread.sleep(700);
            assertThat(runs.get()).as("only the first run happens while buffering").isEqualTo(1);
            assertThat(platform.connectorInfo(id).path("buffering").asBoolean()).isTrue();
            assertThat(platform.connectorInfo(id).path("queue_messages_size").asDouble()).isEqualTo(5.0);
            platform.setQueueMessagesSize(id, 0);
            Thread.sleep(700);
            loop.interrupt();
            loop.join(5_000);
            assertThat(runs.get()).isGreaterThan(1);
        }
    }

    @Test
    void thePingThreadCarriesTheStateAndAdoptsAResetOnItsOwn() throws Exception {
        String id = UUID.randomUUID().toString();
        try (ConnectorSession session = new ConnectorSession(OpenCtiProtocolTest.client(platform, OpenCtiProtocolTest.TOKEN),
                ConnectorDefinition.externalImport(id, "Stixify", List.of("stixify")), ConnectorInfo.initial(false, 500),
                Duration.ofMillis(100))) {
            session.start();
            ObjectNode state = JsonMapper.builder().build().createObjectNode();
            state.putObject("dossiers").putObject("d").put("last_run_at", "2026-05-01T00:00:00+00:00");
            session.saveState(state);
            int pings = platform.pings(id);
            // Pings every 100 ms: two more arrive within a few hundred ms, or within seconds on a loaded machine.
            long pingDeadline = System.currentTimeMillis() + 5_000;
            while (platform.pings(id) <= pings + 1 && System.currentTimeMillis() < pingDeadline) Thread.sleep(20);
            assertThat(platform.pings(id)).isGreaterThan(pings + 1);
            platform.resetState(id);
            long deadline = System.currentTimeMillis() + 3_000;
            while (session.state() != null && System.currentTimeMillis() < deadline) Thread.sleep(20);
            assertThat(session.state()).isNull();
            assertThat(session.resetsSeen()).isEqualTo(1);
        }
    }
}
