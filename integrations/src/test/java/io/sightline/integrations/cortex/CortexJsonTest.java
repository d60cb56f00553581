package io.sightline.integrations.cortex;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.integrations.http.HttpJson;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CortexJsonTest {

    private final CortexJson cortexJson = new CortexJson(HttpJson.MAPPER);

    private static JsonNode fixture(String name) throws Exception {
        return HttpJson.MAPPER.readTree(Files.readString(Fixtures.path("cortex/" + name)));
    }

    @Test
    void readsAFinishedFileJobWithItsFullReport() throws Exception {
        JsonNode jobs = fixture("thehive-cortex-jobs-with-reports.json");

        CortexJobReport result = cortexJson.jobReport(jobs.get(0));

        CortexJob job = result.job();
        assertThat(job.id()).isEqualTo("ZWu85Q1OCVNx03hXK4df");
        assertThat(job.status()).isEqualTo(JobState.SUCCESS);
        assertThat(job.analyzer()).isEqualTo("testAnalyzer_1_0");
        assertThat(job.attachment().name()).isEqualTo("imageedit_2_3904987689.jpg");
        assertThat(job.attachment().hashes()).hasSize(3);
        assertThat(job.startDate()).isEqualTo(1562157321892L);
        CortexReport report = result.report().orElseThrow();
        assertThat(report.success()).isTrue();
        assertThat(report.taxonomies()).containsExactly(new Taxonomy(TaxonomyLevel.INFO, "test", "data", "test"));
        assertThat(report.full().path("input").path("filename").asString()).isEqualTo("imageedit_2_3904987689.jpg");
        assertThat(report.artifacts()).hasSize(2);
        assertThat(report.artifacts().get(0).isFile()).isTrue();
        assertThat(report.artifacts().get(0).attachment().name()).isEqualTo("file.test.txt");
        assertThat(report.artifacts().get(1).data()).isEqualTo("192.168.1.1");
        assertThat(report.artifacts().get(1).tags()).containsExactly("tag-test");
        assertThat(report.operations()).hasSize(1);
        assertThat(report.operations().get(0).path("type").asString()).isEqualTo("AddArtifactToCase");
        assertThat(report.raw()).isEqualTo(jobs.get(0).get("report"));
    }

    @Test
    void waitingJobsHaveNoReport() throws Exception {
        JsonNode jobs = fixture("thehive-cortex-client-jobs.json");

        List<CortexJobReport> results = List.of(cortexJson.jobReport(jobs.get(0)), cortexJson.jobReport(jobs.get(2)));

        assertThat(results.get(0).status()).isEqualTo(JobState.WAITING);
        assertThat(results.get(0).report()).isEmpty();
        assertThat(results.get(1).status()).isEqualTo(JobState.SUCCESS);
        assertThat(results.get(1).report().orElseThrow().artifacts()).extracting(CortexArtifact::dataType)
                .containsExactly("file", "ip");
    }

    @Test
    void readsAnalyzerOutputsWithNumericTaxonomyValuesAndOldArtifactSpelling() throws Exception {
        CortexReport axur = cortexJson.report(fixture("cortex-analyzers-Axur-job-output.json"));
        CortexReport dshield = cortexJson.report(fixture("cortex-analyzers-DShield-job-output.json"));

        assertThat(axur.taxonomies()).extracting(Taxonomy::level, Taxonomy::predicate, Taxonomy::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(TaxonomyLevel.SUSPICIOUS, "IOC_FEED", "2"),
                        org.assertj.core.groups.Tuple.tuple(TaxonomyLevel.SUSPICIOUS, "EXPLORE", "1"),
                        org.assertj.core.groups.Tuple.tuple(TaxonomyLevel.SUSPICIOUS, "MALICIOUS_URL", "1"));
        assertThat(dshield.taxonomies().get(0).value()).isEqualTo("0 count(s) / 0 attack(s) / 1 threatfeed(s)");
        assertThat(dshield.artifacts()).extracting(CortexArtifact::dataType, CortexArtifact::data).containsExactly(
                org.assertj.core.groups.Tuple.tuple("autonomous-system", "14576"),
                org.assertj.core.groups.Tuple.tuple("mail", "abuse@king-servers.com"));
    }

    @Test
    void failureReportKeepsTheErrorMessage() {
        CortexReport report = cortexJson.report("{\"success\":false,\"errorMessage\":\"Invalid API key\",\"input\":{\"data\":\"1.2.3.4\"}}");

        assertThat(report.success()).isFalse();
        assertThat(report.errorMessage()).isEqualTo("Invalid API key");
        assertThat(report.input().path("data").asString()).isEqualTo("1.2.3.4");
    }

    @Test
    void analyzerDefinitionFixtureReadsAsAnAnalyzer() throws Exception {
        CortexAnalyzer analyzer = HttpJson.MAPPER.treeToValue(
                fixture("cortex-analyzers-VirusTotal_GetReport-definition.json"), CortexAnalyzer.class);

        assertThat(analyzer.supports("hash")).isTrue();
        assertThat(analyzer.supports("mail")).isFalse();
        assertThat(analyzer.effectiveMaxTlp()).isEqualTo(3);
    }

    @Test
    void statusNamesFollowCortex() {
        assertThat(JobState.fromCortex("InProgress")).isEqualTo(JobState.IN_PROGRESS);
        assertThat(JobState.fromCortex("Running")).isEqualTo(JobState.IN_PROGRESS);
        assertThat(JobState.fromCortex("Error(boom)")).isEqualTo(JobState.ERROR);
        assertThat(JobState.DELETED.isTerminal()).isTrue();
        assertThat(JobState.NOT_FOUND.isTerminal()).isTrue();
        assertThat(JobState.ERROR.isTerminal()).isFalse();
        assertThat(TaxonomyLevel.fromCortex("critical")).isEqualTo(TaxonomyLevel.INFO);
    }
}
