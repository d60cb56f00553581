package io.sightline.testkit.cortex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.integrations.cortex.CortexAnalyzer;
import io.sightline.integrations.cortex.CortexClient;
import io.sightline.integrations.cortex.CortexErrorKind;
import io.sightline.integrations.cortex.CortexException;
import io.sightline.integrations.cortex.CortexJob;
import io.sightline.integrations.cortex.CortexJobReport;
import io.sightline.integrations.cortex.JobState;
import io.sightline.integrations.cortex.ResponderRequest;
import io.sightline.integrations.http.HttpJson;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The emulator's responders through the project's Cortex client: listing by TheHive data type, runs, reports with operations. */
class CortexResponderEmulatorTest {

    private static CortexEmulator emulator;
    private static CortexClient client;

    @BeforeAll
    static void start() {
        emulator = CortexEmulator.start(CortexEmulatorOptions.defaults().withDelays(Duration.ofMillis(50), Duration.ofMillis(100)));
        client = CortexClient.connect("cortex:emulator", emulator.baseUrl(), emulator.apiKey());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void respondersAreListedByTheHiveDataTypeApartFromAnalyzers() {
        assertThat(client.respondersFor("thehive:case")).extracting(CortexAnalyzer::name)
                .containsExactlyInAnyOrder("Sightline_Tagger_1_0", "Sightline_Notify_1_0");
        assertThat(client.respondersFor("thehive:case_task")).extracting(CortexAnalyzer::name)
                .containsExactlyInAnyOrder("Sightline_CloseTask_1_0", "Sightline_Notify_1_0");
        assertThat(client.respondersFor("hash")).isEmpty();
        assertThat(client.listAnalyzers()).extracting(CortexAnalyzer::name).doesNotContain("Sightline_Tagger_1_0");
        assertThat(emulator.responderNames()).hasSize(4);
    }

    @Test
    void aResponderJobEndsWithTheOperationsForItsDataType() {
        CortexAnalyzer tagger = client.respondersFor("thehive:case_artifact").stream()
                .filter(r -> r.name().equals("Sightline_Tagger_1_0")).findFirst().orElseThrow();
        ObjectNode observable = HttpJson.MAPPER.createObjectNode().put("_id", "~7").put("dataType", "ip").put("data", "198.51.100.7");
        CortexJob job = client.runResponder(tagger.id(), new ResponderRequest("thehive:case_artifact", observable, 2, 2, "", Map.of()));
        assertThat(job.type()).isEqualTo("responder");
        assertThat(job.data()).contains("198.51.100.7");

        CortexJobReport done = client.waitReport(job.id(), Duration.ofSeconds(5));
        assertThat(done.status()).isEqualTo(JobState.SUCCESS);
        JsonNode operations = done.report().orElseThrow().raw().path("operations");
        assertThat(operations).hasSize(1);
        assertThat(operations.get(0).path("type").asString()).isEqualTo("AddTagToArtifact");
        assertThat(operations.get(0).path("tag").asString()).isEqualTo("responder:blocked");
    }

    @Test
    void aResponderRefusesADataTypeItDoesNotHandleAndAnUnknownIdIsNotFound() {
        CortexAnalyzer closer = client.respondersFor("thehive:case_task").stream()
                .filter(r -> r.name().equals("Sightline_CloseTask_1_0")).findFirst().orElseThrow();
        ObjectNode alert = HttpJson.MAPPER.createObjectNode().put("_id", "~9");
        assertThatThrownBy(() -> client.runResponder(closer.id(), new ResponderRequest("thehive:alert", alert, 2, 2, "", Map.of())))
                .isInstanceOfSatisfying(CortexException.class, e -> assertThat(e.kind()).isEqualTo(CortexErrorKind.BAD_REQUEST));
        assertThatThrownBy(() -> client.runResponder("nope", new ResponderRequest("thehive:alert", alert, 2, 2, "", Map.of())))
                .isInstanceOfSatisfying(CortexException.class, e -> assertThat(e.kind()).isEqualTo(CortexErrorKind.NOT_FOUND));
    }
}
