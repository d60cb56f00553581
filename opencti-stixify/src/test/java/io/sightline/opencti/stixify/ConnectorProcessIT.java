package io.sightline.opencti.stixify;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.testkit.opencti.EmulatedWork;
import io.sightline.testkit.stixify.GeneratedReportSource;
import io.sightline.testkit.stixify.ReportSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged connector as a process: crash safety, large reports under a small heap, configuration errors. */
class ConnectorProcessIT {
    @TempDir
    Path workDir;
    SyncEnvironment env;

    @BeforeEach
    void start() {
        env = new SyncEnvironment();
    }

    @AfterEach
    void stop() throws Exception {
        env.close();
    }

    @Test
    void killNineInTheMiddleOfARunLosesNothingAndCompletedDossiersAreNotSentAgain() throws Exception {
        Instant added = Instant.now().minus(Duration.ofDays(3));
        Map<String, Set<String>> expectedByDossier = new HashMap<>();
        List<String> dossiers = List.of(env.stixify.addDossier("First"), env.stixify.addDossier("Second"), env.stixify.addDossier("Third"));
        int seed = 0;
        for (String dossier : dossiers) {
            Set<String> ids = new HashSet<>();
            for (int r = 0; r < 3; r++) {
                GeneratedReportSource source = new GeneratedReportSource(600, seed++, 0);
                env.stixify.addReport(dossier, "report " + seed, source, added.plusSeconds(seed));
                ids.addAll(ExpectedObjects.ids(source));
            }
            expectedByDossier.put(dossier, ids);
        }
        env.stixify.faults().slowPages(Duration.ofMillis(60));
        ConnectorProcess first = ConnectorProcess.start(env.env("amqp", dossiers), "256m", workDir);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!stateHolds(dossiers.get(0)) && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(stateHolds(dossiers.get(0))).as("first dossier done before the kill").isTrue();
        first.kill();
        assertThat(stateHolds(dossiers.get(2))).as("the kill came before the run ended").isFalse();
        env.stixify.faults().reset();
        int worksBefore = env.works().size();

        int exit = ConnectorProcess.start(env.env("amqp", dossiers), "256m", workDir).awaitExit(120);
        assertThat(exit).isZero();
        env.awaitSettled();

        Set<String> everything = env.platform.received().allObjects().stream().map(o -> o.path("id").asString()).collect(Collectors.toSet());
        for (String dossier : dossiers) assertThat(everything).containsAll(expectedByDossier.get(dossier));
        List<EmulatedWork.View> secondRun = env.works().subList(worksBefore, env.works().size());
        EmulatedWork.View firstDossierAgain = secondRun.stream().filter(w -> w.name().contains(dossiers.get(0))).findFirst().orElseThrow();
        assertThat(env.received(firstDossierAgain)).isEmpty();
        for (String dossier : dossiers.subList(1, 3)) {
            EmulatedWork.View work = secondRun.stream().filter(w -> w.name().contains(dossier)).findFirst().orElseThrow();
            if (stateHoldsBefore(dossier, work)) continue;
            assertThat(env.receivedIds(work)).isEqualTo(expectedByDossier.get(dossier));
            assertThat(work.status()).isEqualTo("complete");
        }
        assertThat(secondRun.stream().filter(w -> w.name().equals("Stixify Connector Run")).findFirst().orElseThrow().inError()).isFalse();
    }

    @Test
    void aReportOfOneHundredThousandObjectsIsDeliveredWithA256MbHeap() throws Exception {
        String dossier = env.stixify.addDossier("Huge");
        GeneratedReportSource source = new GeneratedReportSource(100_000, 42, 500);
        env.stixify.addReport(dossier, "huge report", source, Instant.now().minus(Duration.ofDays(1)));
        env.platform.received().keepObjects(false);

        ConnectorProcess process = ConnectorProcess.start(env.env("amqp", List.of(dossier)), "256m", workDir);
        assertThat(process.awaitExit(300)).as(process.output()).isZero();
        env.awaitSettled();

        Set<String> expected = ExpectedObjects.ids(source);
        EmulatedWork.View work = env.works().stream().filter(w -> w.name().startsWith("Dossier: Huge")).findFirst().orElseThrow();
        assertThat(work.expected()).isEqualTo(expected.size());
        assertThat(work.status()).isEqualTo("complete");
        assertThat(env.received(work).stream().map(n -> n.asString()).collect(Collectors.toSet())).isEqualTo(expected);
        assertThat(env.platform.received().largestMessageBytes()).isLessThan(ConnectorConfig.DEFAULT_MAX_MESSAGE_BYTES);
    }

    @Test
    void configurationErrorsAreListedTogetherAndOpenCtiIsNotTouched() throws Exception {
        Map<String, String> broken = new HashMap<>(env.env("amqp", List.of("x")));
        broken.remove("STIXIFY_API_KEY");
        broken.put("STIXIFY_DOSSIER_IDS", " ,");
        broken.put("STIXIFY_INTERVAL_HOURS", "soon");
        broken.put("CONNECTOR_QUEUE_PROTOCOL", "carrier-pigeon");
        ConnectorProcess process = ConnectorProcess.start(broken, "64m", workDir);
        assertThat(process.awaitExit(60)).isEqualTo(1);
        assertThat(process.output())
                .contains("Invalid configuration (4 problems)")
                .contains("STIXIFY_API_KEY (stixify.api_key) is required")
                .contains("STIXIFY_DOSSIER_IDS (stixify.dossier_ids) holds no dossier id")
                .contains("STIXIFY_INTERVAL_HOURS (stixify.interval_hours) must be a whole number, was 'soon'")
                .contains("CONNECTOR_QUEUE_PROTOCOL (connector.queue_protocol) must be one of amqp, api, was 'carrier-pigeon'");
        assertThat(env.platform.isRegistered(env.connectorId)).isFalse();
    }

    private boolean stateHolds(String dossierId) {
        String state = env.platform.isRegistered(env.connectorId) ? env.platform.state(env.connectorId) : null;
        return state != null && state.contains(dossierId);
    }

    /** Whether the killed run had already finished this dossier (then the second run sends nothing for it). */
    private boolean stateHoldsBefore(String dossierId, EmulatedWork.View work) {
        return env.received(work).isEmpty() && stateHolds(dossierId);
    }
}
