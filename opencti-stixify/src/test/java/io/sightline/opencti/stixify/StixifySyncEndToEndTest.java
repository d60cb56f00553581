package io.sightline.opencti.stixify;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.integrations.stixify.SyncResult;
import io.sightline.integrations.stixify.SyncState;
import io.sightline.testkit.opencti.EmulatedWork;
import io.sightline.testkit.samples.PublicSamples;
import io.sightline.testkit.stixify.ReportSource;
import io.sightline.testkit.stixify.StixFixtures;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StixifySyncEndToEndTest {
    /**
     * The public samples where they are present (real variety: OpenCTI's custom properties, MISP's
     * groupings), else the project's own, so the test also runs in a plain clone.
     */
    static final boolean PUBLIC = PublicSamples.present();
    static final String FIRST = PUBLIC ? "oasis-poisonivy-report.json" : "report-ransomware.json";
    static final String SECOND = PUBLIC ? "oasis-apt1-report.json" : "report-webmail-phishing.json";
    static final String OTHER = PUBLIC ? "misp-stix-events_collection-as-stix21.json" : "report-rat-c2.json";
    static final String LATER = PUBLIC ? "opencti-pycti-DATA-TEST-STIX2_v2.json" : "report-vpn-exploitation.json";

    SyncEnvironment env;
    String alpha;
    String beta;
    String invisible = UUID.randomUUID().toString();

    @BeforeEach
    void start() {
        env = new SyncEnvironment();
        alpha = env.stixify.addDossier("Alpha");
        beta = env.stixify.addDossier("Beta");
        env.stixify.addDossier(invisible, "Hidden", false);
        Instant old = Instant.now().minus(30, ChronoUnit.DAYS);
        addReport(alpha, FIRST, old);
        addReport(alpha, SECOND, old.plusSeconds(60));
        addReport(beta, OTHER, old.plusSeconds(120));
    }

    @AfterEach
    void stop() throws Exception {
        env.close();
    }

    void addReport(String dossierId, String name, Instant addedAt) {
        if (PUBLIC) StixFixtures.addReport(env.stixify, dossierId, name, addedAt);
        else env.stixify.addSampleReport(dossierId, name, addedAt);
    }

    static ReportSource source(String name) {
        return PUBLIC ? ReportSource.fromFile(StixFixtures.stix(name)) : ReportSource.sample(name);
    }

    SyncResult run(String protocol) throws Exception {
        try (StixifyConnector connector = StixifyConnector.start(env.config(protocol, List.of(alpha, beta, invisible)))) {
            SyncResult result = connector.runOnce();
            env.awaitSettled();
            return result;
        }
    }

    String workName(String dossierId) {
        return "Dossier: " + (dossierId.equals(alpha) ? "Alpha" : "Beta") + " (" + dossierId + ")";
    }

    Set<String> expected(String... fixtures) {
        Set<String> ids = new HashSet<>();
        for (String f : fixtures) ids.addAll(ExpectedObjects.ids(source(f)));
        return ids;
    }

    int expectedCount(String... fixtures) {
        int n = 0;
        for (String f : fixtures) n += ExpectedObjects.ids(source(f)).size();
        return n;
    }

    void assertDossierWork(EmulatedWork.View work, Set<String> ids, int count) {
        assertThat(env.receivedIds(work)).isEqualTo(ids);
        assertThat(env.received(work)).hasSize(count);
        assertThat(work.expected()).isEqualTo(count);
        assertThat(work.processed()).isEqualTo(count);
        assertThat(work.status()).isEqualTo("complete");
        assertThat(work.inError()).isFalse();
        assertThat(work.messages()).containsExactly("[Stixify] Work done");
    }

    @ParameterizedTest
    @ValueSource(strings = {"amqp", "api"})
    void firstRunImportsTheHistoryThenOnlyNewReportsThenEverythingAfterAReset(String protocol) throws Exception {
        SyncResult first = run(protocol);
        assertThat(first.succeeded()).isTrue();
        assertThat(first.invisibleDossierIds()).containsExactly(invisible);
        assertThat(env.works("Stixify Connector Run")).singleElement().satisfies(w -> {
            assertThat(w.status()).isEqualTo("complete");
            assertThat(w.expected()).isZero();
            assertThat(w.messages()).containsExactly("[Stixify] Work done");
        });
        assertDossierWork(env.works(workName(alpha)).get(0), expected(FIRST, SECOND),
                expectedCount(FIRST, SECOND));
        assertDossierWork(env.works(workName(beta)).get(0), expected(OTHER),
                expectedCount(OTHER));
        assertThat(env.platform.state(env.connectorId)).contains("\"dossiers\"").contains(alpha).contains(beta).contains("last_run_at");

        addReport(alpha, LATER, Instant.now());
        SyncResult second = run(protocol);
        assertThat(second.reportsDelivered()).isEqualTo(1);
        assertDossierWork(env.works(workName(alpha)).get(1), expected(LATER),
                expectedCount(LATER));
        EmulatedWork.View betaSecond = env.works(workName(beta)).get(1);
        assertThat(env.received(betaSecond)).isEmpty();
        assertThat(betaSecond.status()).isEqualTo("complete");

        env.platform.resetState(env.connectorId);
        SyncResult third = run(protocol);
        assertThat(third.reportsDelivered()).isEqualTo(4);
        assertDossierWork(env.works(workName(alpha)).get(2),
                expected(FIRST, SECOND, LATER),
                expectedCount(FIRST, SECOND, LATER));
        assertDossierWork(env.works(workName(beta)).get(2), expected(OTHER),
                expectedCount(OTHER));
    }

    @Test
    void aReportThatFailedIsDeliveredOnTheNextRunAndTheDossierWorkShowsTheError() throws Exception {
        // The first addExpectations call (first report of Alpha) is refused by the platform.
        env.platform.failNext("workEdit", 1);
        SyncResult first = run("amqp");
        assertThat(first.succeeded()).isFalse();
        EmulatedWork.View failed = env.works(workName(alpha)).get(0);
        assertThat(failed.inError()).isTrue();
        assertThat(failed.messages()).singleElement().asString().startsWith("[Stixify] Work failed - report ");
        assertThat(env.works(workName(beta)).get(0).inError()).isFalse();
        assertThat(env.platform.state(env.connectorId)).contains(beta).contains("\"failed_runs\":1");
        assertThat(SyncState.parse(env.platform.state(env.connectorId)).cursor(alpha)).isEmpty();

        SyncResult second = run("amqp");
        assertThat(second.succeeded()).isTrue();
        assertDossierWork(env.works(workName(alpha)).get(1), expected(FIRST, SECOND),
                expectedCount(FIRST, SECOND));
        assertThat(env.received(env.works(workName(beta)).get(1))).isEmpty();
        assertThat(env.platform.state(env.connectorId)).contains(alpha);
    }

    @Test
    void unreachableStixifyClosesTheRunWorkInErrorAndKeepsTheState() throws Exception {
        run("amqp");
        String stateAfterFirst = env.platform.state(env.connectorId);
        env.stixify.faults().failNext(50, 503);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run("amqp"))
                .hasMessageContaining("v1/dossiers/").hasMessageContaining("503");
        env.stixify.faults().reset();
        assertThat(env.works("Stixify Connector Run")).hasSize(2).last().satisfies(w -> {
            assertThat(w.inError()).isTrue();
            assertThat(w.messages()).singleElement().asString().startsWith("[Stixify] Work failed - ").contains("503");
        });
        assertThat(env.platform.state(env.connectorId)).isEqualTo(stateAfterFirst);
    }
}
