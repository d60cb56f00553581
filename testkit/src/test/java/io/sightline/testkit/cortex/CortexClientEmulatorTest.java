package io.sightline.testkit.cortex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.integrations.cortex.CortexAnalyzer;
import io.sightline.integrations.cortex.CortexClient;
import io.sightline.integrations.cortex.CortexErrorKind;
import io.sightline.integrations.cortex.CortexException;
import io.sightline.integrations.cortex.CortexHealth;
import io.sightline.integrations.cortex.CortexJob;
import io.sightline.integrations.cortex.CortexJobReport;
import io.sightline.integrations.cortex.CortexReport;
import io.sightline.integrations.cortex.JobCheck;
import io.sightline.integrations.cortex.JobRequest;
import io.sightline.integrations.cortex.JobState;
import io.sightline.integrations.cortex.Taxonomy;
import io.sightline.integrations.cortex.TaxonomyLevel;
import io.sightline.integrations.http.HttpTarget;
import io.sightline.integrations.http.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CortexClientEmulatorTest {

    static final String SEED_SHA256 = "4a821767c6ce723e6fb4b8d54efd52df6cbd63fc0de47a7b8b39a6ec72b4be69";
    static final String VIRUSTOTAL = "VirusTotal_GetReport_3_1";
    static final String DSHIELD = "DShield_lookup_1_0";

    private static CortexEmulator emulator;
    private CortexClient client;

    @BeforeAll
    static void startEmulator() {
        emulator = CortexEmulator.start(CortexEmulatorOptions.defaults()
                .withDelays(Duration.ofMillis(100), Duration.ofMillis(200)).withJobCache(Duration.ZERO));
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void newClient() {
        emulator.faults().clear();
        emulator.resetRequestCounts();
        client = client(emulator.apiKey(), Duration.ofSeconds(5));
    }

    private static CortexClient client(String key, Duration requestTimeout) {
        return new CortexClient(HttpTarget.create(CortexClient.targetConfig("cortex:emulator", emulator.baseUrl(), key)
                .requestTimeout(requestTimeout)
                .retry(RetryPolicy.of(3, Duration.ofMillis(20), Duration.ofMillis(100)))
                .build()));
    }

    @Test
    void listsAnalyzersForHashAndAll() {
        List<CortexAnalyzer> forHash = client.analyzersFor("hash");
        List<CortexAnalyzer> all = client.listAnalyzers();

        assertThat(forHash).extracting(CortexAnalyzer::name).containsExactlyInAnyOrder(VIRUSTOTAL, "Axur_1_0");
        assertThat(forHash).allSatisfy(analyzer -> assertThat(analyzer.supports("hash")).isTrue());
        assertThat(all).extracting(CortexAnalyzer::name).contains(VIRUSTOTAL, DSHIELD, "Crowdsec_Analyzer_1_1");
        assertThat(emulator.requestCount(CortexEmulator.LIST_ANALYZERS)).isEqualTo(1);
    }

    @Test
    void runsVirusTotalOnTheSeedHashAndGetsTheReportWithTaxonomies() {
        CortexJob job = client.run(VIRUSTOTAL, JobRequest.of("hash", SEED_SHA256).withMessage("1"));

        assertThat(job.status()).isEqualTo(JobState.WAITING);
        assertThat(job.analyzer()).isEqualTo(VIRUSTOTAL);
        assertThat(job.data()).isEqualTo(SEED_SHA256);

        CortexJobReport finished = client.waitReport(job.id(), Duration.ofSeconds(5));

        assertThat(finished.status()).isEqualTo(JobState.SUCCESS);
        assertThat(finished.job().endDate()).isNotNull();
        CortexReport report = finished.report().orElseThrow();
        assertThat(report.success()).isTrue();
        assertThat(report.taxonomies())
                .containsExactly(new Taxonomy(TaxonomyLevel.MALICIOUS, "VT", "GetReport", "45/70"));
        assertThat(report.full().path("resource").asString()).isEqualTo(SEED_SHA256);
    }

    @Test
    void findsAnalyzersByNameOnceThenUsesTheRememberedId() {
        client.run(VIRUSTOTAL, JobRequest.of("hash", SEED_SHA256));
        client.run(VIRUSTOTAL, JobRequest.of("hash", SEED_SHA256).forced());

        // as TheHive: GET /api/analyzer/<name> (404) then a search by name; the second run needs neither
        assertThat(emulator.requestCount(CortexEmulator.GET_ANALYZER)).isEqualTo(1);
        assertThat(emulator.requestCount(CortexEmulator.SEARCH_ANALYZERS)).isEqualTo(1);
        assertThat(emulator.requestCount(CortexEmulator.RUN)).isEqualTo(2);
        assertThat(client.findAnalyzer("no-such-analyzer")).isEmpty();
        assertThatThrownBy(() -> client.run("no-such-analyzer", JobRequest.of("ip", "1.2.3.4")))
                .isInstanceOfSatisfying(CortexException.class,
                        e -> assertThat(e.kind()).isEqualTo(CortexErrorKind.NOT_FOUND));
    }

    @Test
    void failedJobKeepsCortexErrorMessage() {
        emulator.faults().failJobsOf(DSHIELD, "Invalid API key for DShield");

        CortexJob job = client.run(DSHIELD, JobRequest.of("ip", "185.162.131.25"));
        CortexJobReport finished = client.waitReport(job.id(), Duration.ofSeconds(5));

        assertThat(finished.status()).isEqualTo(JobState.FAILURE);
        assertThat(finished.job().errorMessage()).isEqualTo("Invalid API key for DShield");
        CortexReport report = finished.report().orElseThrow();
        assertThat(report.success()).isFalse();
        assertThat(report.errorMessage()).isEqualTo("Invalid API key for DShield");
        assertThat(report.input().path("data").asString()).isEqualTo("185.162.131.25");
    }

    @Test
    void rateLimitedSubmissionIsRetriedWithoutDuplicates() {
        emulator.faults().rateLimitNext(CortexEmulator.RUN, 2, 0);

        CortexJob job = client.run(DSHIELD, JobRequest.of("ip", "185.162.131.25"));

        assertThat(job.status()).isEqualTo(JobState.WAITING);
        assertThat(emulator.requestCount(CortexEmulator.RUN)).isEqualTo(3);
        assertThat(emulator.jobIds()).containsOnlyOnce(job.id());
    }

    @Test
    void persistentRateLimitIsReportedWithCortexMessage() {
        emulator.faults().rateLimitNext(CortexEmulator.RUN, 10, null);

        assertThatThrownBy(() -> client.run(DSHIELD, JobRequest.of("ip", "10.0.0.1")))
                .isInstanceOfSatisfying(CortexException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CortexErrorKind.RATE_LIMITED);
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.cortexMessage()).contains("Rate limit exceeded for this analyzer");
                    assertThat(e.getMessage()).contains("gave up after 3 attempts");
                });
    }

    @Test
    void retryAfterFromCortexIsHonoured() {
        CortexJob job = client.run(DSHIELD, JobRequest.of("ip", "8.8.4.4"));
        emulator.faults().rateLimitNext(CortexEmulator.GET_JOB, 1, 1);

        long started = System.nanoTime();
        CortexJob again = client.job(job.id());

        assertThat(again.id()).isEqualTo(job.id());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(emulator.requestCount(CortexEmulator.GET_JOB)).isEqualTo(2);
    }

    @Test
    void serverErrorsAreRetried() {
        CortexJob job = client.run(DSHIELD, JobRequest.of("ip", "8.8.8.8"));
        emulator.faults().failNext(CortexEmulator.GET_JOB, 2, 500);

        assertThat(client.job(job.id()).id()).isEqualTo(job.id());
        assertThat(emulator.requestCount(CortexEmulator.GET_JOB)).isEqualTo(3);
    }

    @Test
    void wrongKeyIsAnAuthenticationErrorAndHealthSaysAuthError() {
        CortexClient wrongKey = client("not-the-key-123", Duration.ofSeconds(5));

        assertThatThrownBy(wrongKey::currentUser)
                .isInstanceOfSatisfying(CortexException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CortexErrorKind.AUTHENTICATION);
                    assertThat(e.getMessage()).contains("AuthenticationError: Authentication failure")
                            .doesNotContain("not-the-key-123");
                });
        CortexHealth health = wrongKey.health();
        assertThat(health.state()).isEqualTo(CortexHealth.State.AUTH_ERROR);
        assertThat(health.version()).isEqualTo("3.1.8-1");
        assertThat(emulator.requestCount(CortexEmulator.CURRENT_USER)).isEqualTo(2);
        assertThat(client.health()).isEqualTo(new CortexHealth(CortexHealth.State.OK, "3.1.8-1", null));
    }

    @Test
    void forbiddenIsAnAuthorizationError() {
        emulator.faults().rejectKey(403);

        assertThatThrownBy(client::listAnalyzers)
                .isInstanceOfSatisfying(CortexException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CortexErrorKind.AUTHORIZATION);
                    assertThat(e.kind().isAuthProblem()).isTrue();
                });
        assertThat(emulator.requestCount(CortexEmulator.LIST_ANALYZERS)).isEqualTo(1);
    }

    @Test
    void deletedJobIsTerminalAndUnknownJobIsNotFound() {
        CortexJob job = client.run(DSHIELD, JobRequest.of("ip", "1.1.1.1"));
        client.deleteJob(job.id());

        Map<String, JobCheck> statuses = client.statuses(List.of(job.id(), "unknownJobId00000000"));
        CortexJobReport report = client.report(job.id());

        assertThat(statuses.get(job.id()).state()).isEqualTo(JobState.DELETED);
        assertThat(statuses.get("unknownJobId00000000").state()).isEqualTo(JobState.NOT_FOUND);
        assertThat(statuses.values()).allSatisfy(check -> assertThat(check.state().isTerminal()).isTrue());
        assertThat(report.status()).isEqualTo(JobState.DELETED);
        assertThat(report.report()).isEmpty();
        assertThatThrownBy(() -> client.job("unknownJobId00000000"))
                .isInstanceOfSatisfying(CortexException.class,
                        e -> assertThat(e.kind()).isEqualTo(CortexErrorKind.NOT_FOUND));
    }

    @Test
    void pollingManyJobsCostsOneStatusRequestPerRoundPlusOneReportPerFinishedJob() {
        try (CortexEmulator slow = CortexEmulator.start(CortexEmulatorOptions.defaults()
                .withDelays(Duration.ofSeconds(1), Duration.ofMillis(300)))) {
            CortexClient poller = new CortexClient(HttpTarget.create(
                    CortexClient.targetConfig("cortex:slow", slow.baseUrl(), slow.apiKey()).build()));
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                ids.add(poller.run(DSHIELD, JobRequest.of("ip", "192.0.2." + i)).id());
            }
            slow.resetRequestCounts();

            List<JobCheck> early = poller.checkJobs(ids);
            long earlyRequests = slow.totalRequests();
            poller.waitReport(ids.get(ids.size() - 1), Duration.ofSeconds(10));
            slow.resetRequestCounts();
            List<JobCheck> late = poller.checkJobs(ids);

            assertThat(early).extracting(JobCheck::state).containsOnly(JobState.WAITING);
            assertThat(early).allSatisfy(check -> assertThat(check.report()).isEmpty());
            assertThat(earlyRequests).isEqualTo(1);
            assertThat(late).extracting(JobCheck::jobId).containsExactlyElementsOf(ids);
            assertThat(late).allSatisfy(check -> {
                assertThat(check.state()).isEqualTo(JobState.SUCCESS);
                assertThat(check.report().orElseThrow().report().orElseThrow().taxonomies()).isNotEmpty();
            });
            assertThat(slow.requestCounts()).isEqualTo(Map.of(CortexEmulator.JOB_STATUS, 1L, CortexEmulator.REPORT, 6L));
        }
    }

    @Test
    void slowCortexTimesOut() {
        emulator.faults().delayAll(Duration.ofMillis(600));
        CortexClient impatient = client(emulator.apiKey(), Duration.ofMillis(200));

        assertThatThrownBy(impatient::currentUser)
                .isInstanceOfSatisfying(CortexException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CortexErrorKind.TIMEOUT);
                    assertThat(e.getMessage()).contains("timed out after 200 ms");
                });
    }

    @Test
    void malformedAnswerIsReportedAsSuch() {
        emulator.faults().malformedNext(CortexEmulator.CURRENT_USER, 1);

        assertThatThrownBy(client::currentUser)
                .isInstanceOfSatisfying(CortexException.class,
                        e -> assertThat(e.kind()).isEqualTo(CortexErrorKind.INVALID_RESPONSE))
                .hasMessageContaining("not valid JSON");
    }
}
