package io.sightline.opencti.stixify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** pycti checks the push queue before a run-and-terminate run too: over the threshold, nothing runs. */
class QueueThresholdTest {
    SyncEnvironment env;
    String dossier;

    @BeforeEach
    void start() {
        env = new SyncEnvironment();
        dossier = env.dossierWithSamples("report-rat-c2.json");
    }

    @AfterEach
    void stop() throws Exception {
        env.close();
    }

    @Test
    void aRunAndTerminateRunIsSkippedWhenThePushQueueIsOverTheThreshold() throws Exception {
        try (StixifyConnector connector = StixifyConnector.start(env.config("amqp", List.of(dossier)))) {
            env.platform.setQueueMessagesSize(env.connectorId, 600_000_000L);
            assertThat(connector.runScheduled()).isTrue();
        }
        assertThat(env.works()).isEmpty();
        assertThat(env.stixify.requestCount()).isZero();
        assertThat(env.platform.connectorInfo(env.connectorId).path("buffering").asBoolean()).isTrue();

        try (StixifyConnector connector = StixifyConnector.start(env.config("amqp", List.of(dossier)))) {
            env.platform.setQueueMessagesSize(env.connectorId, 1_000L);
            assertThat(connector.runScheduled()).isTrue();
        }
        assertThat(env.works("Stixify Connector Run")).hasSize(1);
    }
}
