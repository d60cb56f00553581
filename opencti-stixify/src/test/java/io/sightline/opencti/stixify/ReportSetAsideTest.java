package io.sightline.opencti.stixify;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.integrations.stixify.SyncResult;
import io.sightline.testkit.opencti.EmulatedWork;
import io.sightline.testkit.stixify.ReportSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A report that can never be delivered (here: one object bigger than the message size limit, which
 * fails in the background publishing thread) no longer pins its dossier: it is counted on each
 * failed run in the state, set aside after the third, and the dossier's later reports stop being
 * re-sent. A reset retries it.
 */
class ReportSetAsideTest {
    SyncEnvironment env;
    String dossier;
    String badReport;

    @BeforeEach
    void start() {
        env = new SyncEnvironment();
        dossier = env.stixify.addDossier("Alpha");
        Instant old = Instant.now().minus(30, ChronoUnit.DAYS);
        ObjectNode huge = JsonMapper.builder().build().createObjectNode()
                .put("type", "indicator").put("spec_version", "2.1")
                .put("id", "indicator--0b5e3a4c-7f1d-4d3e-9a62-0f3f3d6b9f11")
                .put("created", "2025-01-01T00:00:00.000Z").put("modified", "2025-01-01T00:00:00.000Z")
                .put("pattern_type", "stix").put("valid_from", "2025-01-01T00:00:00Z")
                .put("pattern", "[url:value = 'http://example.com/" + "a".repeat(100_000) + "']");
        badReport = env.stixify.addReport(dossier, "Too big", ReportSource.of(List.of(huge)), old);
        env.stixify.addSampleReport(dossier, "report-rat-c2.json", old.plusSeconds(60));
    }

    @AfterEach
    void stop() throws Exception {
        env.close();
    }

    SyncResult run() throws Exception {
        Map<String, String> vars = env.env("amqp", List.of(dossier));
        vars.put("CONNECTOR_QUEUE_MESSAGE_MAX_BYTES", "65536");
        try (StixifyConnector connector = StixifyConnector.start(ConnectorConfig.load(new ConfigSource(vars, null)))) {
            // Not awaiting the emulator's settling: the failed report's expectations are never met.
            return connector.runOnce();
        }
    }

    EmulatedWork.View dossierWork(int run) {
        return env.works("Dossier: Alpha (" + dossier + ")").get(run);
    }

    @Test
    void afterThreeFailedRunsTheReportIsSetAsideAndTheDossierMovesOnUntilAReset() throws Exception {
        for (int i = 1; i <= 2; i++) {
            SyncResult failed = run();
            assertThat(failed.succeeded()).isFalse();
            assertThat(failed.dossiers().get(0).failures()).singleElement().asString()
                    .contains(badReport).contains("failed run " + i + " of 3");
            assertThat(dossierWork(i - 1).inError()).isTrue();
            // The count survives the process: it is in the connector state, the cursor has not moved.
            assertThat(env.platform.state(env.connectorId)).contains("\"failed_runs\":" + i).doesNotContain("last_run_at");
        }

        SyncResult third = run();
        assertThat(third.succeeded()).isTrue();
        assertThat(third.dossiers().get(0).setAside()).singleElement().satisfies(f -> {
            assertThat(f.reportId()).isEqualTo(badReport);
            assertThat(f.failedRuns()).isEqualTo(3);
        });
        assertThat(dossierWork(2).inError()).isFalse();
        assertThat(dossierWork(2).messages()).singleElement().asString()
                .startsWith("[Stixify] Work done").contains(badReport).contains("set aside after 3 failed runs");
        assertThat(env.platform.state(env.connectorId)).contains("last_run_at").contains("\"set_aside\":true");

        // The dossier moved on: a new report is the only one sent.
        env.stixify.addSampleReport(dossier, "report-ransomware.json", Instant.now());
        SyncResult fourth = run();
        assertThat(fourth.succeeded()).isTrue();
        assertThat(fourth.reportsDelivered()).isEqualTo(1);

        // A reset forgets the set-aside report: it is tried again (and fails again, counted from one).
        env.platform.resetState(env.connectorId);
        SyncResult afterReset = run();
        assertThat(afterReset.succeeded()).isFalse();
        assertThat(afterReset.reportsDelivered()).isEqualTo(2);
        assertThat(env.platform.state(env.connectorId)).contains("\"failed_runs\":1");
    }
}
