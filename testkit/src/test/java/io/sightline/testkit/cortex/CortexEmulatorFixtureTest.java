package io.sightline.testkit.cortex;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.integrations.cortex.CortexAnalyzer;
import io.sightline.integrations.cortex.CortexClient;
import io.sightline.integrations.cortex.CortexJob;
import io.sightline.integrations.cortex.CortexJobReport;
import io.sightline.integrations.cortex.JobRequest;
import io.sightline.integrations.cortex.JobState;
import io.sightline.integrations.http.HttpCall;
import io.sightline.integrations.http.HttpJson;
import io.sightline.integrations.http.HttpTarget;
import io.sightline.testkit.samples.NeedsPublicSamples;
import io.sightline.testkit.samples.PublicSamples;
import io.sightline.testkit.samples.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The emulator must serve the project's sample data unchanged, in Cortex's shapes; where the public
 * samples are present, the shipped ones must have their shapes.
 */
class CortexEmulatorFixtureTest {

    private static CortexEmulator emulator;
    private static CortexClient client;

    @BeforeAll
    static void start() {
        emulator = CortexEmulator.start(CortexEmulatorOptions.defaults()
                .withDelays(Duration.ofMillis(10), Duration.ofMillis(20)));
        client = CortexClient.connect("cortex:fixtures", emulator.baseUrl(), emulator.apiKey());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static JsonNode sample(String name) throws Exception {
        return HttpJson.MAPPER.readTree(Files.readString(Samples.file("cortex/" + name)));
    }

    private static JsonNode publicSample(String name) throws Exception {
        return HttpJson.MAPPER.readTree(Files.readString(PublicSamples.root().resolve("cortex").resolve(name)));
    }

    private static JsonNode finishedReport(String analyzer, JobRequest request) {
        CortexJob job = client.run(analyzer, request);
        CortexJobReport finished = client.waitReport(job.id(), Duration.ofSeconds(5));
        assertThat(finished.status()).isEqualTo(JobState.SUCCESS);
        return finished.report().orElseThrow().raw();
    }

    @Test
    void axurReportIsTheSample() throws Exception {
        JsonNode report = finishedReport("Axur_1_0", JobRequest.of("url", "https://webmail-login.example.net/owa/auth/logon.aspx"));

        assertThat(report).isEqualTo(sample("axur-job-output.json"));
    }

    @Test
    void dshieldReportIsTheSampleWithArtifactsAsCortexStoresThem() throws Exception {
        JsonNode expected = sample("dshield-job-output.json");

        JsonNode report = finishedReport("DShield_lookup_1_0", JobRequest.of("ip", "203.0.113.25").withTlp(1));

        assertThat(report.get("summary")).isEqualTo(expected.get("summary"));
        assertThat(report.get("full")).isEqualTo(expected.get("full"));
        assertThat(report.get("success")).isEqualTo(expected.get("success"));
        assertThat(report.get("artifacts")).hasSize(expected.get("artifacts").size());
        for (int i = 0; i < expected.get("artifacts").size(); i++) {
            JsonNode artifact = report.get("artifacts").get(i);
            assertThat(artifact.get("dataType").asString()).isEqualTo(expected.get("artifacts").get(i).get("type").asString());
            assertThat(artifact.get("data").asString()).isEqualTo(expected.get("artifacts").get(i).get("value").asString());
            assertThat(artifact.get("tlp").asInt()).isEqualTo(1);
        }
    }

    @Test
    void crowdsecFullReportIsTheSampleAndTheSummaryFollowsTheAnalyzerRule() throws Exception {
        JsonNode full = sample("crowdsec-full-report.json");

        JsonNode report = finishedReport("Crowdsec_Analyzer_1_1", JobRequest.of("ip", "198.51.100.23"));

        assertThat(report.get("full")).isEqualTo(full);
        assertThat(report.path("summary").path("taxonomies")).hasSize(3);
        assertThat(report.path("summary").path("taxonomies").get(0).path("value").asString()).isEqualTo("EXAMPLE-NET-AS");
        assertThat(report.path("summary").path("taxonomies").get(2).path("value").asString())
                .isEqualTo(full.path("history").path("last_seen").asString());
    }

    @Test
    void fileJobReportIsTheSampleJobReport(@TempDir Path dir) throws Exception {
        JsonNode expectedJob = sample("file-analyzer-jobs.json").get(0);
        Path sample = Files.write(dir.resolve("scan.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2});

        CortexJob job = client.runOnFile("testAnalyzer_1_0", JobRequest.forFile(), sample, sample.getFileName().toString(),
                "image/jpeg");
        CortexJobReport finished = client.waitReport(job.id(), Duration.ofSeconds(5));

        assertThat(job.dataType()).isEqualTo("file");
        assertThat(job.attachment().name()).isEqualTo("scan.jpg");
        assertThat(job.attachment().size()).isEqualTo(4);
        assertThat(job.attachment().hashes()).hasSize(3);
        assertThat(finished.report().orElseThrow().raw()).isEqualTo(expectedJob.get("report"));
        assertThat(client.artifacts(job.id())).hasSize(2);
        Path downloaded = dir.resolve("downloaded.jpg");
        assertThat(client.downloadAttachment(job.attachment().id(), downloaded)).isEqualTo(4);
        assertThat(Files.readAllBytes(downloaded)).isEqualTo(Files.readAllBytes(sample));
    }

    @Test
    @NeedsPublicSamples
    void jobJsonHasEveryFieldOfARealCortexJob() throws Exception {
        JsonNode real = publicSample("thehive-cortex-jobs-with-reports.json").get(0);
        CortexJob job = client.run("DShield_lookup_1_0", JobRequest.of("ip", "192.0.2.77"));
        client.waitReport(job.id(), Duration.ofSeconds(5));
        HttpTarget raw = client.target();

        JsonNode served = raw.json().get("/api/job/" + job.id() + "/report");

        Set<String> expectedFields = new HashSet<>();
        real.propertyNames().forEach(expectedFields::add);
        expectedFields.remove("attachment");
        Set<String> servedFields = new HashSet<>();
        served.propertyNames().forEach(servedFields::add);
        assertThat(servedFields).containsAll(expectedFields);
    }

    @Test
    void virusTotalAnalyzerIsBuiltFromTheDefinitionSample() throws Exception {
        JsonNode definition = sample("virustotal-getreport-definition.json");

        CortexAnalyzer analyzer = client.findAnalyzer("VirusTotal_GetReport_3_1").orElseThrow();

        assertThat(analyzer.version()).isEqualTo(definition.get("version").asString());
        assertThat(analyzer.description()).isEqualTo(definition.get("description").asString());
        assertThat(analyzer.author()).isEqualTo(definition.get("author").asString());
        assertThat(analyzer.dataTypeList()).containsExactly("file", "hash", "domain", "fqdn", "ip", "url");
        assertThat(analyzer.id()).isEqualTo(AnalyzerCatalog.md5("sightline_VirusTotal_GetReport_3_1_analyzer"));
    }

    @Test
    @NeedsPublicSamples
    void theSamplesHaveTheShapesOfThePublicOnes() throws Exception {
        assertSameFields(sample("dshield-job-output.json"), publicSample("cortex-analyzers-DShield-job-output.json"));
        assertSameFields(sample("dshield-job-output.json").get("full"),
                publicSample("cortex-analyzers-DShield-job-output.json").get("full"));
        assertSameFields(sample("axur-job-output.json"), publicSample("cortex-analyzers-Axur-job-output.json"));
        assertSameFields(sample("axur-job-output.json").get("full"), publicSample("cortex-analyzers-Axur-job-output.json").get("full"));
        assertSameFields(sample("file-analyzer-jobs.json").get(0), publicSample("thehive-cortex-jobs-with-reports.json").get(0));
        assertSameFields(sample("file-analyzer-jobs.json").get(0).get("report"),
                publicSample("thehive-cortex-jobs-with-reports.json").get(0).get("report"));
        JsonNode crowdsec = publicSample("cortex-analyzers-Crowdsec-full-report.json");
        for (String field : List.of("ip", "as_name", "ip_range_score", "history", "behaviors", "classifications",
                "mitre_techniques", "cves", "scores")) {
            assertThat(crowdsec.has(field)).as("public Crowdsec report has " + field).isTrue();
            assertThat(sample("crowdsec-full-report.json").has(field)).as("sample Crowdsec report has " + field).isTrue();
        }
        Set<String> definitionFields = fields(sample("virustotal-getreport-definition.json"));
        assertThat(fields(publicSample("cortex-analyzers-VirusTotal_GetReport-definition.json"))).containsAll(definitionFields);
    }

    private static void assertSameFields(JsonNode sample, JsonNode real) {
        assertThat(fields(sample)).isEqualTo(fields(real));
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    @Test
    void listsDefaultToTenItemsAndCarryTheTotal() {
        HttpTarget raw = client.target();

        var reply = raw.send(HttpCall.get("/api/analyzer").query("range", "0-2").build());
        JsonNode page = HttpJson.MAPPER.readTree(reply.body());

        assertThat(page).hasSize(2);
        assertThat(reply.header("X-Total")).contains(String.valueOf(emulator.analyzerNames().size()));
        assertThat(Ranges.parse(null, 25)).containsExactly(0, 10);
        assertThat(Ranges.parse("all", 25)).containsExactly(0, 25);
        assertThat(Ranges.parse("5-x", 25)).isNull();
    }

    @Test
    void sameSubmissionWithinTheCacheWindowReturnsTheCachedJobUnlessForced() {
        CortexJob first = client.run("DShield_lookup_1_0", JobRequest.of("ip", "198.51.100.9"));
        CortexJob cached = client.run("DShield_lookup_1_0", JobRequest.of("ip", "198.51.100.9"));
        CortexJob forced = client.run("DShield_lookup_1_0", JobRequest.of("ip", "198.51.100.9").forced());

        assertThat(cached.id()).isEqualTo(first.id());
        assertThat(cached.isFromCache()).isTrue();
        assertThat(forced.id()).isNotEqualTo(first.id());
        assertThat(first.isFromCache()).isFalse();
    }
}
