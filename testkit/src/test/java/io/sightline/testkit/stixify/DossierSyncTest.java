package io.sightline.testkit.stixify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.integrations.http.HttpStatusException;
import io.sightline.integrations.stixify.DossierSync;
import io.sightline.integrations.stixify.InMemorySyncStateStore;
import io.sightline.integrations.stixify.StixifyClient;
import io.sightline.integrations.stixify.SyncResult;
import io.sightline.integrations.stixify.SyncState;
import io.sightline.stix.StixJson;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DossierSyncTest {
    private final StixifyEmulator emulator = StixifyEmulator.start(StixifyTestClients.KEY);
    private final StixifyClient client = StixifyTestClients.client(emulator, new StixifyTestClients.RecordingSleeper());
    private final RecordingSink sink = new RecordingSink();
    private final InMemorySyncStateStore state = new InMemorySyncStateStore();

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void firstRunDeliversTheHistoryThenOnlyWhatIsNew() {
        String a = emulator.addDossier("Dossier A");
        String b = emulator.addDossier("Dossier B");
        emulator.addDossier("Not configured");
        Instant past = Instant.now().minusSeconds(3600);
        String apt1 = emulator.addSampleReport(a, "report-webmail-phishing.json", past);
        String poisonIvy = emulator.addSampleReport(a, "report-ransomware.json", past.plusSeconds(1));
        String capec = emulator.addSampleReport(b, "report-vpn-exploitation.json", past);
        DossierSync sync = sync(" " + a + " ," + b + ",");

        SyncResult first = sync.runOnce();
        assertThat(first.succeeded()).isTrue();
        assertThat(sink.reportIds()).containsExactly(apt1, poisonIvy, capec);
        assertThat(first.objectsDelivered()).isEqualTo(size(apt1) + size(poisonIvy) + size(capec));
        assertThat(sink.deliveries.get(0).objectIds()).containsExactlyElementsOf(fixtureIds(apt1));
        assertThat(sink.events).startsWith("start " + a).contains("finish " + a + " ok", "finish " + b + " ok");
        assertThat(state.load().cursor(a)).isPresent();
        assertThat(state.saveCount()).isEqualTo(2); // once per dossier, right after it completed

        String later = emulator.addSampleReport(a, "report-rat-c2.json", Instant.now().plusMillis(5));
        sink.deliveries.clear();
        emulator.clearRequests();
        SyncResult second = sync.runOnce();
        assertThat(sink.reportIds()).containsExactly(later);
        assertThat(second.reportsDelivered()).isEqualTo(1);
        // The dossiers' cursors went out as added_after, encoded.
        assertThat(emulator.requests()).filteredOn(r -> r.path().endsWith("/reports/"))
                .allSatisfy(r -> assertThat(r.rawQuery()).contains("added_after=").contains("%2B00%3A00"));

        sink.deliveries.clear();
        assertThat(sync.runOnce().reportsDelivered()).isZero();
        assertThat(sink.deliveries).isEmpty();
    }

    @Test
    void aFailedReportKeepsTheCursorAndIsRetriedNextRun() {
        String a = emulator.addDossier("A");
        String b = emulator.addDossier("B");
        Instant past = Instant.now().minusSeconds(60);
        String good = emulator.addSampleReport(a, "report-rat-c2.json", past);
        String bad = emulator.addSampleReport(a, "report-webmail-phishing.json", past.plusSeconds(1));
        String other = emulator.addSampleReport(b, "report-vpn-exploitation.json", past);
        sink.failingReports.add(bad);
        DossierSync sync = sync(a + "," + b);

        SyncResult first = sync.runOnce();
        assertThat(first.succeeded()).isFalse();
        assertThat(first.dossiers().get(0).failures()).singleElement().asString().contains(bad).contains("broker unavailable");
        assertThat(sink.reportIds()).containsExactly(good, other); // one failure stops neither report nor dossier
        assertThat(state.load().cursor(a)).isEmpty();
        assertThat(state.load().cursor(b)).isPresent();
        assertThat(sink.events).contains("finish " + a + " failed", "finish " + b + " ok");

        sink.failingReports.clear();
        sink.deliveries.clear();
        SyncResult second = sync.runOnce();
        assertThat(second.succeeded()).isTrue();
        assertThat(sink.reportIds()).contains(bad).doesNotContain(other);
        assertThat(state.load().cursor(a)).isPresent();
    }

    @Test
    void aReportWhoseObjectsCannotBeReadIsNotLost() {
        String a = emulator.addDossier("A");
        String report = emulator.addSampleReport(a, "report-ransomware.json", Instant.now().minusSeconds(5));
        DossierSync sync = sync(a);
        // Listing works; reading the report's objects then fails with 500 until the retries give up.
        sink.beforeReading = () -> emulator.faults().failNext(100, 500);
        SyncResult result = sync.runOnce();
        assertThat(result.succeeded()).isFalse();
        assertThat(result.dossiers().get(0).failures().get(0)).contains(report).contains("500");
        assertThat(state.load().cursor(a)).isEmpty();

        emulator.faults().reset();
        sink.beforeReading = null;
        assertThat(sync.runOnce().reportsDelivered()).isEqualTo(1);
        assertThat(sink.deliveries.get(0).objectIds()).hasSize(size(report));
    }

    @Test
    void invisibleDossiersAreReportedAndRateLimitsRetried() {
        String a = emulator.addDossier("A");
        emulator.addSampleReport(a, "report-rat-c2.json", Instant.now().minusSeconds(5));
        emulator.addDossier("5b1e0d9c-0000-4000-8000-00000000000f", "other team", false);
        emulator.faults().rateLimitNext(1, "1").failNext(1, 502);
        SyncResult result = sync(a + ",5b1e0d9c-0000-4000-8000-00000000000f,unknown").runOnce();
        assertThat(result.invisibleDossierIds()).containsExactly("5b1e0d9c-0000-4000-8000-00000000000f", "unknown");
        assertThat(result.succeeded()).isTrue();
        assertThat(result.reportsDelivered()).isEqualTo(1);
    }

    @Test
    void listingDossiersFailingFailsTheRunWithoutTouchingTheState() {
        String a = emulator.addDossier("A");
        emulator.faults().failNext(100, 503);
        assertThatThrownBy(() -> sync(a).runOnce()).isInstanceOf(HttpStatusException.class);
        assertThat(state.saveCount()).isZero();
        assertThat(sink.events).isEmpty();
    }

    @Test
    void stateKeepsTheOriginalDocumentAndToleratesLegacyKeys() {
        String a = emulator.addDossier("A");
        String b = emulator.addDossier("B");
        Instant old = Instant.parse("2025-03-01T10:00:00Z");
        emulator.addSampleReport(a, "report-rat-c2.json", old.minusSeconds(10));
        String newInA = emulator.addSampleReport(a, "report-webmail-phishing.json", old.plusSeconds(10));
        emulator.addSampleReport(b, "report-vpn-exploitation.json", old.minusSeconds(10));
        String newInB = emulator.addSampleReport(b, "report-ransomware.json", old.plusSeconds(10));
        SyncState legacy = SyncState.parse("{\"last_run\": \"2025-03-01T10:00:00\", \"dossiers\": {"
                + "\"" + a + "\": {\"last_run_at\": \"2025-03-01T10:00:00.000000+00:00\"},"
                + "\"" + b + "\": {\"latest_report\": \"2025-03-01T10:00:00Z\"}}}");
        InMemorySyncStateStore store = new InMemorySyncStateStore(legacy);
        new DossierSync(client, sink, store, List.of(a, b), Clock.systemUTC()).runOnce();
        assertThat(sink.reportIds()).containsExactly(newInA, newInB);

        JsonNode saved = StixJson.mapper().readTree(store.load().toJson());
        assertThat(saved.path("last_run").asString()).isEqualTo("2025-03-01T10:00:00");
        assertThat(saved.path("dossiers").path(a).path("last_run_at").asString())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00");
        assertThat(saved.path("dossiers").path(b).path("latest_report").asString()).isEqualTo("2025-03-01T10:00:00Z");
        assertThat(SyncState.parse(null)).isEqualTo(SyncState.empty());
        assertThat(SyncState.parse("{}").toJson()).isEqualTo("{\"dossiers\":{}}");
        assertThatThrownBy(() -> SyncState.parse("[1]")).hasMessageContaining("not a JSON object");
    }

    @Test
    void aStateThatCannotBeSavedFailsTheDossierOnly() {
        String a = emulator.addDossier("A");
        emulator.addSampleReport(a, "report-rat-c2.json", Instant.now().minusSeconds(5));
        io.sightline.integrations.stixify.SyncStateStore broken = new io.sightline.integrations.stixify.SyncStateStore() {
            @Override
            public SyncState load() {
                return SyncState.empty();
            }

            @Override
            public void save(SyncState newState) {
                throw new IllegalStateException("OpenCTI unreachable");
            }
        };
        SyncResult result = new DossierSync(client, sink, broken, List.of(a), Clock.systemUTC()).runOnce();
        assertThat(result.succeeded()).isFalse();
        assertThat(result.dossiers().get(0).cursorAfter()).isNull();
        assertThat(result.dossiers().get(0).failures().get(0)).contains("OpenCTI unreachable");
        assertThat(sink.events).contains("finish " + a + " failed");
    }

    @Test
    void anInterruptStopsTheRunWithoutMovingTheCursor() {
        String a = emulator.addDossier("A");
        String b = emulator.addDossier("B");
        emulator.addSampleReport(a, "report-rat-c2.json", Instant.now().minusSeconds(5));
        emulator.addSampleReport(a, "report-webmail-phishing.json", Instant.now().minusSeconds(4));
        emulator.addSampleReport(b, "report-ransomware.json", Instant.now().minusSeconds(5));
        sink.beforeReading = () -> Thread.currentThread().interrupt();
        try {
            SyncResult result = sync(a + "," + b).runOnce();
            assertThat(result.dossiers()).hasSize(1);
            assertThat(result.succeeded()).isFalse();
        } finally {
            Thread.interrupted();
        }
        assertThat(sink.deliveries).hasSizeLessThanOrEqualTo(1);
        assertThat(state.load().cursor(a)).isEmpty();
        assertThat(state.load().cursor(b)).isEmpty();
    }

    @Test
    void dossierIdsAreTrimmedAndDeduplicated() {
        assertThat(DossierSync.parseDossierIds(" a, b ,,a ")).containsExactly("a", "b");
        assertThat(DossierSync.parseDossierIds("")).isEmpty();
        assertThatThrownBy(() -> sync("")).isInstanceOf(IllegalArgumentException.class);
    }

    private DossierSync sync(String ids) {
        return new DossierSync(client, sink, state, DossierSync.parseDossierIds(ids), Clock.systemUTC());
    }

    private int size(String reportId) {
        return emulator.report(reportId).source().size();
    }

    private List<String> fixtureIds(String reportId) {
        List<String> ids = new ArrayList<>();
        emulator.report(reportId).source().objects(0, Integer.MAX_VALUE).forEachRemaining(o -> ids.add(o.path("id").asString()));
        return ids;
    }
}
