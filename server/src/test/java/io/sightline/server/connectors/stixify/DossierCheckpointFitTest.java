package io.sightline.server.connectors.stixify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Failure counts kept with a dossier's cursor must fit the checkpoint column (4000 characters). */
class DossierCheckpointFitTest {
    @Test
    void manyFailingReportsAreShortenedThenTheLeastFailingForgotten() {
        var json = JsonMapper.builder().build();
        ObjectNode entry = json.createObjectNode().put("last_run_at", "2026-02-18T15:24:00.123456+00:00");
        ObjectNode failed = entry.putObject("failed_reports");
        for (int i = 0; i < 40; i++) {
            failed.putObject("report--" + String.format("%08d", i) + "-0000-4000-8000-000000000000")
                    .put("name", "Report " + i).put("failed_runs", i < 5 ? 3 : 1).put("set_aside", i < 5)
                    .put("last_error", "HttpStatusException: " + "x".repeat(400));
        }
        String value = DossierCheckpointStore.fitted(entry);
        assertThat(value.length()).isLessThanOrEqualTo(DossierCheckpointStore.MAX_VALUE);
        ObjectNode kept = (ObjectNode) json.readTree(value);
        assertThat(kept.get("last_run_at").asString()).isEqualTo("2026-02-18T15:24:00.123456+00:00");
        for (int i = 0; i < 5; i++) {
            assertThat(kept.get("failed_reports").has("report--" + String.format("%08d", i) + "-0000-4000-8000-000000000000")).isTrue();
        }

        ObjectNode small = json.createObjectNode();
        small.putObject("failed_reports").putObject("report--1").put("failed_runs", 1).put("last_error", "short");
        assertThat(DossierCheckpointStore.fitted(small)).isEqualTo(small.toString());
    }
}
