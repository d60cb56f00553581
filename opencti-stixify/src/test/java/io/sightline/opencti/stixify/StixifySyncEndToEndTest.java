package io.sightline.opencti.stixify;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.integrations.stixify.SyncResult;
import io.sightline.integrations.stixify.SyncState;
import io.sightline.testkit.opencti.EmulatedWork;
import io.sightline.testkit.stixify.ReportSource;
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
        env.stixify.addFixtureReport(alpha, "oasis-poisonivy-report.json", old);
        env.stixify.addFixtureReport(alpha, "oasis-apt1-report.json", old.plusSeconds(60));
        env.stixify.addFixtureReport(beta, "misp-stix-events_collection-as-stix21.json", old.plusSeconds(120));
    }

    @AfterEach
    void stop() throws Exception {
        env.close();
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
        for (String f : fixtures) ids.addAll(ExpectedObjects.ids(ReportSource.fixture(f)));
        return ids;
    }

    int expectedCount(String... fixtures) {
        int n = 0;
        for (String f : fixtures) n += ExpectedObjects.ids(ReportSource.fixture(f)).size();
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
        assertDossierWork(env.works(workName(alpha)).get(0), expected("oasis-poisonivy-report.json", "oasis-apt1-report.json"),
                expectedCount("oasis-poisonivy-report.json", "oasis-apt1-report.json"));
        assertDossierWork(env.works(workName(beta)).get(0), expected("misp-stix-events_collection-as-stix21.json"),
                expectedCount("misp-stix-events_collection-as-stix21.json"));
        assertThat(env.platform.state(env.connectorId)).contains("\"dossiers\"").contains(alpha).contains(beta).contains("last_run_at");

        env.stixify.addFixtureReport(alpha, "opencti-pycti-DATA-TEST-STIX2_v2.json", Instant.now());
        SyncResult second = run(protocol);
        assertThat(second.reportsDelivered()).isEqualTo(1);
        assertDossierWork(env.works(workName(alpha)).get(1), expected("opencti-pycti-DATA-TEST-STIX2_v2.json"),
                expectedCount("opencti-pycti-DATA-TEST-STIX2_v2.json"));
        EmulatedWork.View betaSecond = env.works(workName(beta)).get(1);
        assertThat(env.received(betaSecond)).isEmpty();
        assertThat(betaSecond.status()).isEqualTo("complete");

        env.platform.resetState(env.connectorId);
        SyncResult third = run(protocol);
        assertThat(third.reportsDelivered()).isEqualTo(4);
        assertDossierWork(env.works(workName(alpha)).get(2),
                expected("oasis-poisonivy-report.json", "oasis-apt1-report.json", "opencti-pycti-DATA-TEST-STIX2_v2.json"),
                expectedCount("oasis-poisonivy-report.json", "oasis-apt1-report.json", "opencti-pycti-DATA-TEST-STIX2_v2.json"));
        assertDossierWork(env.works(workName(beta)).get(2), expected("misp-stix-events_collection-as-stix21.json"),
                expectedCount("misp-stix-events_collection-as-stix21.json"));
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
        assertDossierWork(env.works(workName(alpha)).get(1), expected("oasis-poisonivy-report.json", "oasis-apt1-report.json"),
                expectedCount("oasis-poisonivy-report.json", "oasis-apt1-report.json"));
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
