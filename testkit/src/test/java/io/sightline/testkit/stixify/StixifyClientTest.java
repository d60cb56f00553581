package io.sightline.testkit.stixify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.integrations.http.HttpStatusException;
import io.sightline.integrations.stixify.Dossier;
import io.sightline.integrations.stixify.ReportObjects;
import io.sightline.integrations.stixify.StixifyClient;
import io.sightline.integrations.stixify.StixifyReport;
import io.sightline.testkit.samples.NeedsPublicSamples;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class StixifyClientTest {
    private final StixifyEmulator emulator = StixifyEmulator.start(StixifyTestClients.KEY);
    private final StixifyTestClients.RecordingSleeper sleeper = new StixifyTestClients.RecordingSleeper();
    private final StixifyClient client = StixifyTestClients.client(emulator, sleeper);

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void listsDossiersAcrossPages() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 450; i++) ids.add(emulator.addDossier("dossier " + i));
        emulator.addDossier("7d7a0f8e-0000-4000-8000-000000000009", "hidden", false);
        List<Dossier> dossiers = client.listDossiers();
        assertThat(dossiers).extracting(Dossier::id).containsExactlyElementsOf(ids);
        assertThat(dossiers.get(3).name()).isEqualTo("dossier 3");
        assertThat(emulator.requests()).hasSize(3)
                .allSatisfy(r -> assertThat(r.rawQuery()).matches("page=[123]&page_size=200"));
    }

    @Test
    void sendsAddedAfterInTheOriginalFormatPercentEncoded() {
        String dossier = emulator.addDossier("d");
        emulator.addSampleReport(dossier, "report-rat-c2.json", Instant.parse("2026-02-18T15:24:00.123456Z"));
        String newer = emulator.addSampleReport(dossier, "report-webmail-phishing.json", Instant.parse("2026-02-18T15:24:00.123457Z"));
        List<StixifyReport> reports = client.listReports(dossier, Instant.parse("2026-02-18T15:24:00.123456Z"));
        assertThat(reports).extracting(StixifyReport::id).containsExactly(newer);
        assertThat(reports.get(0).name()).isEqualTo("report-webmail-phishing.json");
        assertThat(emulator.requests().get(0).rawQuery())
                .isEqualTo("page=1&page_size=200&added_after=2026-02-18T15%3A24%3A00.123456%2B00%3A00");
        assertThat(client.listReports(dossier, null)).hasSize(2);
    }

    @Test
    @NeedsPublicSamples
    void streamsEveryObjectOfAReportInOrder() {
        String dossier = emulator.addDossier("d");
        String report = StixFixtures.addReport(emulator, dossier, "opencti-pycti-mitre_capec-bundle.json", Instant.now());
        List<ObjectNode> expected = new ArrayList<>();
        emulator.report(report).source().objects(0, Integer.MAX_VALUE).forEachRemaining(expected::add);
        List<ObjectNode> actual = new ArrayList<>();
        try (ReportObjects objects = client.reportObjects(report)) {
            objects.forEachRemaining(actual::add);
            assertThat(objects.count()).isEqualTo(2610);
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(emulator.requestCount()).isEqualTo(14); // ceil(2610 / 200)
    }

    @Test
    void lyingTotalsAndRepeatedPagesTerminate() {
        String dossier = emulator.addDossier("d");
        String report = emulator.addSampleReport(dossier, "report-rat-c2.json", Instant.now());
        emulator.faults().lieAboutTotals(1_000_000);
        assertThat(count(report)).isEqualTo(19);
        assertThat(emulator.requestCount()).isEqualTo(2); // the full page, then an empty one

        emulator.clearRequests();
        emulator.faults().repeatLastPage(true);
        assertThat(count(report)).isEqualTo(19);
        assertThat(emulator.requestCount()).isEqualTo(2); // the repeated page is detected and skipped
        assertThat(client.listReports(dossier, null)).hasSize(1);
        assertThat(client.listDossiers()).hasSize(1);
    }

    @Test
    void retriesRateLimitsWithRetryAfterAndServerErrors() {
        String dossier = emulator.addDossier("d");
        emulator.faults().rateLimitNext(2, "3");
        assertThat(client.listDossiers()).extracting(Dossier::id).containsExactly(dossier);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));

        emulator.faults().failNext(2, 503);
        assertThat(client.listReports(dossier, null)).isEmpty();
        emulator.faults().failNext(10, 500);
        assertThatThrownBy(client::listDossiers).isInstanceOf(HttpStatusException.class)
                .satisfies(e -> assertThat(((HttpStatusException) e).status()).isEqualTo(500));
    }

    @Test
    void slowPagesWithinTheTimeoutAreReadAndSlowerOnesFailPrecisely() {
        String dossier = emulator.addDossier("d");
        emulator.addSampleReport(dossier, "report-rat-c2.json", Instant.now());
        emulator.faults().slowPages(Duration.ofMillis(150));
        assertThat(client.listReports(dossier, null)).hasSize(1);

        var impatient = new StixifyClient(new io.sightline.integrations.http.HttpTarget(
                StixifyClient.config(emulator.baseUrl(), StixifyTestClients.KEY)
                        .requestTimeout(Duration.ofMillis(100))
                        .retry(new io.sightline.integrations.http.RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1)))
                        .build(), sleeper, java.time.Clock.systemUTC()));
        emulator.faults().slowPages(Duration.ofMillis(600));
        assertThatThrownBy(() -> {
            try (ReportObjects objects = impatient.reportObjects(emulator.reports(dossier).get(0).id())) {
                objects.forEachRemaining(o -> { });
            }
        }).isInstanceOf(io.sightline.integrations.http.HttpRequestTimeoutException.class);
    }

    @Test
    @NeedsPublicSamples
    void aPageThatBreaksOffIsRequestedAgainWithoutDuplicates() {
        String dossier = emulator.addDossier("d");
        String report = StixFixtures.addReport(emulator, dossier, "oasis-poisonivy-report.json", Instant.now());
        List<ObjectNode> expected = new ArrayList<>();
        emulator.report(report).source().objects(0, Integer.MAX_VALUE).forEachRemaining(expected::add);
        emulator.faults().breakObjectPages(2, 70);
        List<ObjectNode> actual = new ArrayList<>();
        try (ReportObjects objects = client.reportObjects(report)) {
            objects.forEachRemaining(actual::add);
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(emulator.requestCount()).isEqualTo(3);

        emulator.faults().breakObjectPages(4, 10);
        assertThatThrownBy(() -> count(report)).isInstanceOf(java.io.UncheckedIOException.class);
    }

    @Test
    void aWrongKeyFailsWithoutRetrying() {
        StixifyClient wrong = StixifyTestClients.client(emulator, "nope", sleeper);
        assertThatThrownBy(wrong::listDossiers).isInstanceOf(HttpStatusException.class)
                .hasMessageNotContaining("nope");
        assertThat(emulator.requestCount()).isEqualTo(1);
    }

    private long count(String report) {
        try (ReportObjects objects = client.reportObjects(report)) {
            objects.forEachRemaining(o -> { });
            return objects.count();
        }
    }
}
