package io.sightline.server.connectors.spi;

import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A secret echoed by a remote in another letter case, or URL-encoded, is masked before it is stored. */
class HealthTrackerRedactionTest {

    @Test
    void storedReasonsAndLogTextMaskTheSecretInAnyCase() {
        HealthTracker health = new HealthTracker("unit", true);
        health.redact("OpenCTI-Token/XYZ");
        health.declareServer("remote", Map.of());
        health.serverFailed("remote", ServerStatus.AUTH_ERROR, "token opencti-token/xyz refused");
        health.runFailed("p", "GET /x?t=OPENCTI-TOKEN%2FXYZ failed");
        health.state(ConnectorState.FAILED, "start failed: Opencti-Token/Xyz");

        ConnectorHealth h = health.snapshot();
        assertThat(h.servers().get(0).lastError()).isEqualTo("token **** refused");
        assertThat(h.partitions().get(0).lastError()).isEqualTo("GET /x?t=**** failed");
        assertThat(h.stateReason()).isEqualTo("start failed: ****");
        assertThat(health.scrub("log: opencti-token/xyz")).isEqualTo("log: ****");
    }
}
