package io.sightline.testkit.opencti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.integrations.opencti.AmqpBundleDelivery;
import io.sightline.integrations.opencti.AmqpPublisher;
import io.sightline.integrations.opencti.ApiBundleDelivery;
import io.sightline.integrations.opencti.BundleDelivery;
import io.sightline.integrations.opencti.ConnectorRegistration;
import io.sightline.integrations.opencti.ConnectorSession;
import io.sightline.integrations.opencti.DeliveryReport;
import io.sightline.integrations.opencti.Works;
import io.sightline.stix.StixObjectReader;
import io.sightline.stix.split.OpenCtiSplitter;
import io.sightline.stix.split.OpenCtiTypes;
import io.sightline.stix.split.OversizedObjectException;
import io.sightline.testkit.amqp.AmqpBroker;
import io.sightline.testkit.samples.Samples;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class BundleDeliveryTest {
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

    @ParameterizedTest
    @ValueSource(strings = {"amqp", "api"})
    void everySupportedObjectOfTheReportArrivesInDependencyOrderAndTheWorkCompletes(String protocol) throws Exception {
        List<ObjectNode> objects = withUnsupportedCustomTypes(sample("report-webmail-phishing.json"));
        String id = UUID.randomUUID().toString();
        try (ConnectorSession session = OpenCtiProtocolTest.session(platform, id)) {
            ConnectorRegistration reg = session.start();
            try (BundleDelivery delivery = delivery(protocol, session, reg, 16_000_000)) {
                Works works = new Works(session.client(), id, "[Stixify]");
                DeliveryReport report = works.inWork("Dossier: Phishing (d-1)",
                        workId -> {
                            DeliveryReport r = delivery.deliver("bundle--" + UUID.randomUUID(), objects.iterator(), workId);
                            delivery.awaitDelivered();
                            return r;
                        });
                assertThat(report.droppedCount()).isEqualTo(2);
            }
            assertThat(platform.awaitSettled(Duration.ofSeconds(120))).isTrue();

            EmulatedWork.View work = platform.works().stream().filter(w -> w.connectorId().equals(id)).findFirst().orElseThrow();
            List<JsonNode> received = platform.received().objects(work.id());
            Set<String> expected = expectedIds(objects);
            assertThat(received.stream().map(o -> o.path("id").asString()).collect(Collectors.toSet())).isEqualTo(expected);
            assertThat(received).hasSize(expected.size());
            assertReferencesArriveFirst(received);
            assertThat(work.status()).isEqualTo("complete");
            assertThat(work.inError()).isFalse();
            assertThat(work.expected()).isEqualTo(expected.size());
            assertThat(work.processed()).isEqualTo(expected.size());
            assertThat(work.messages()).containsExactly("[Stixify] Work done");
            if (protocol.equals("amqp")) {
                assertThat(platform.received().nonPersistentMessages()).isZero();
                assertThat(platform.received().messagesByApplicant()).containsKey(reg.connectorUserId());
                assertThat(platform.received().malformedMessages()).isEmpty();
            }
        }
    }

    @Test
    void anObjectThatCannotFitInAMessageFailsTheReportNamingTheObject() {
        List<ObjectNode> objects = new ArrayList<>(sample("report-ransomware.json"));
        ObjectNode huge = objects.stream().filter(o -> o.path("type").asString().equals("malware")).findFirst().orElseThrow();
        huge.put("description", "x".repeat(200_000));
        String id = UUID.randomUUID().toString();
        try (ConnectorSession session = OpenCtiProtocolTest.session(platform, id)) {
            ConnectorRegistration reg = session.start();
            try (BundleDelivery delivery = delivery("amqp", session, reg, 100_000)) {
                String bundleId = "bundle--" + UUID.randomUUID();
                assertThatThrownBy(() -> {
                    delivery.deliver(bundleId, objects.iterator(), null);
                    delivery.awaitDelivered();
                })
                        .hasMessageContaining(bundleId)
                        .hasMessageContaining(huge.path("id").asString())
                        .hasCauseInstanceOf(OversizedObjectException.class);
            }
        }
    }

    static BundleDelivery delivery(String protocol, ConnectorSession session, ConnectorRegistration reg, long maxBytes) {
        OpenCtiSplitter splitter = new OpenCtiSplitter();
        if (protocol.equals("api")) return new ApiBundleDelivery(session.client(), reg.id(), splitter, maxBytes);
        AmqpPublisher publisher = new AmqpPublisher(reg.mq(), reg.pushExchange(), reg.pushRouting(), Duration.ofSeconds(30), 3);
        return new AmqpBundleDelivery(session.client(), publisher, splitter, reg.connectorUserId(), maxBytes);
    }

    /** The objects of one of the project's STIX samples. */
    static List<ObjectNode> sample(String name) {
        List<ObjectNode> objects = new ArrayList<>();
        try (InputStream in = Files.newInputStream(Samples.file("stix/" + name)); StixObjectReader reader = StixObjectReader.open(in)) {
            reader.forEachRemaining(objects::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    /** The sample plus two objects OpenCTI cannot import (a custom SDO and a relationship to it). */
    static List<ObjectNode> withUnsupportedCustomTypes(List<ObjectNode> objects) {
        List<ObjectNode> out = new ArrayList<>(objects);
        ObjectNode flow = JsonMapper.builder().build().createObjectNode();
        String flowId = "attack-flow--" + UUID.randomUUID();
        flow.put("type", "attack-flow").put("spec_version", "2.1").put("id", flowId)
                .put("created", "2026-01-01T00:00:00.000Z").put("modified", "2026-01-01T00:00:00.000Z").put("name", "flow");
        String malware = objects.stream().filter(o -> o.path("type").asString().equals("malware")).findFirst().orElseThrow().path("id").asString();
        ObjectNode rel = JsonMapper.builder().build().createObjectNode();
        rel.put("type", "relationship").put("spec_version", "2.1").put("id", "relationship--" + UUID.randomUUID())
                .put("created", "2026-01-01T00:00:00.000Z").put("modified", "2026-01-01T00:00:00.000Z")
                .put("relationship_type", "uses").put("source_ref", flowId).put("target_ref", malware);
        out.add(flow);
        out.add(rel);
        return out;
    }

    /** Sample ids minus unsupported types and relationships/sightings that lost an end. */
    static Set<String> expectedIds(List<ObjectNode> objects) {
        Set<String> ids = new HashSet<>();
        for (ObjectNode o : objects) {
            String type = o.path("type").asString();
            if (!OpenCtiTypes.isSupported(type)) continue;
            if (type.equals("relationship") && !(OpenCtiTypes.isSupportedRef(o.path("source_ref").asString())
                    && OpenCtiTypes.isSupportedRef(o.path("target_ref").asString()))) continue;
            ids.add(o.path("id").asString());
        }
        return ids;
    }

    static void assertReferencesArriveFirst(List<JsonNode> received) {
        Set<String> all = received.stream().map(o -> o.path("id").asString()).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        for (JsonNode o : received) {
            for (var p : o.properties()) {
                List<String> refs = new ArrayList<>();
                if (p.getKey().endsWith("_ref") && p.getValue().isString()) refs.add(p.getValue().asString());
                if (p.getKey().endsWith("_refs")) p.getValue().forEach(r -> refs.add(r.asString()));
                for (String ref : refs) {
                    if (all.contains(ref) && !ref.equals(o.path("id").asString())) {
                        assertThat(seen).as("%s refers to %s, which must arrive first", o.path("id").asString(), ref).contains(ref);
                    }
                }
            }
            seen.add(o.path("id").asString());
        }
    }
}
