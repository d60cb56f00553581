package io.sightline.opencti.stixify;

import io.sightline.testkit.amqp.AmqpBroker;
import io.sightline.testkit.opencti.EmulatedWork;
import io.sightline.testkit.opencti.OpenCtiEmulator;
import io.sightline.testkit.stixify.StixifyEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** A broker, an OpenCTI emulator and a Stixify emulator, plus the settings pointing the connector at them. */
final class SyncEnvironment implements AutoCloseable {
    static final String OPENCTI_TOKEN = "opencti-" + UUID.randomUUID();
    static final String STIXIFY_KEY = "stixify-" + UUID.randomUUID();

    final AmqpBroker broker = AmqpBroker.start();
    final OpenCtiEmulator platform = OpenCtiEmulator.start(OPENCTI_TOKEN, broker);
    final StixifyEmulator stixify = StixifyEmulator.start(STIXIFY_KEY);
    final String connectorId = UUID.randomUUID().toString();

    /** A dossier "Alpha" holding the project's sample reports, added an hour ago and then half an hour apart. */
    String dossierWithSamples(String... sampleFiles) {
        String dossier = stixify.addDossier("Alpha");
        Instant addedAt = Instant.now().minusSeconds(3600);
        for (String sample : sampleFiles) {
            stixify.addSampleReport(dossier, sample, addedAt);
            addedAt = addedAt.plusSeconds(1800);
        }
        return dossier;
    }

    Map<String, String> env(String protocol, List<String> dossierIds) {
        Map<String, String> env = new HashMap<>();
        env.put("STIXIFY_BASE_URL", stixify.baseUrl());
        env.put("STIXIFY_API_KEY", STIXIFY_KEY);
        env.put("STIXIFY_DOSSIER_IDS", String.join(", ", dossierIds));
        env.put("STIXIFY_INTERVAL_HOURS", "1");
        env.put("OPENCTI_URL", platform.url());
        env.put("OPENCTI_TOKEN", OPENCTI_TOKEN);
        env.put("CONNECTOR_ID", connectorId);
        env.put("CONNECTOR_NAME", "Stixify");
        env.put("CONNECTOR_SCOPE", "stixify");
        env.put("CONNECTOR_QUEUE_PROTOCOL", protocol);
        env.put("CONNECTOR_RUN_AND_TERMINATE", "true");
        env.put("CONNECTOR_LOG_LEVEL", "info");
        return env;
    }

    ConnectorConfig config(String protocol, List<String> dossierIds) {
        return ConnectorConfig.load(new ConfigSource(env(protocol, dossierIds), null));
    }

    /** The works of this connector, oldest first. */
    List<EmulatedWork.View> works() {
        return platform.works().stream().filter(w -> w.connectorId().equals(connectorId)).toList();
    }

    List<EmulatedWork.View> works(String name) {
        return works().stream().filter(w -> w.name().equals(name)).toList();
    }

    Set<String> receivedIds(EmulatedWork.View work) {
        return platform.received().objects(work.id()).stream().map(o -> o.path("id").asString()).collect(Collectors.toSet());
    }

    List<JsonNode> received(EmulatedWork.View work) {
        return platform.received().objects(work.id());
    }

    void awaitSettled() throws InterruptedException {
        if (!platform.awaitSettled(Duration.ofSeconds(120))) throw new AssertionError("OpenCTI emulator did not settle");
    }

    @Override
    public void close() throws Exception {
        stixify.close();
        platform.close();
        broker.close();
    }
}
