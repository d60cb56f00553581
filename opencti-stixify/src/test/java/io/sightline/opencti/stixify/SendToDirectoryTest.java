package io.sightline.opencti.stixify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.testkit.stixify.ReportSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** CONNECTOR_SEND_TO_DIRECTORY: every bundle sent is also a pycti DIRECTORY_BUNDLE file; old files go. */
class SendToDirectoryTest {
    SyncEnvironment env;
    String dossier;
    @TempDir
    Path folder;

    @BeforeEach
    void start() {
        env = new SyncEnvironment();
        dossier = env.dossierWithSamples("report-rat-c2.json", "report-ransomware.json");
    }

    @AfterEach
    void stop() throws Exception {
        env.close();
    }

    Map<String, String> directoryEnv() {
        Map<String, String> e = env.env("amqp", List.of(dossier));
        e.put("CONNECTOR_NAME", "Stixify Feed");
        e.put("CONNECTOR_SEND_TO_DIRECTORY", "true");
        e.put("CONNECTOR_SEND_TO_DIRECTORY_PATH", folder.toString());
        e.put("CONNECTOR_SEND_TO_DIRECTORY_RETENTION", "7");
        return e;
    }

    @Test
    void eachBundleIsWrittenAsPyctiDoesAndExpiredFilesAreRemoved() throws Exception {
        Path expired = Files.writeString(folder.resolve("stixify_feed-20200101-000000-1577836800.0.json"), "{}");
        Files.setLastModifiedTime(expired, FileTime.from(Instant.now().minus(Duration.ofDays(8))));
        Path recent = Files.writeString(folder.resolve("stixify_feed-recent.json"), "{}");
        Files.setLastModifiedTime(recent, FileTime.from(Instant.now().minus(Duration.ofDays(6))));
        Path other = Files.writeString(folder.resolve("notes.txt"), "kept");
        Files.setLastModifiedTime(other, FileTime.from(Instant.now().minus(Duration.ofDays(30))));

        try (StixifyConnector connector = StixifyConnector.start(ConnectorConfig.load(new ConfigSource(directoryEnv(), null)))) {
            assertThat(connector.runScheduled()).isTrue();
        }
        env.awaitSettled();

        assertThat(expired).doesNotExist();
        assertThat(recent).exists();
        assertThat(other).exists();
        List<Path> written;
        try (Stream<Path> files = Files.list(folder)) {
            written = files.filter(f -> f.getFileName().toString().matches("stixify_feed-\\d{8}-\\d{6}-\\d+\\.\\d{6}\\.json")).sorted().toList();
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.filter(f -> f.toString().endsWith(".tmp"))).isEmpty();
        }
        assertThat(written).hasSize(2);

        Set<String> ids = new HashSet<>();
        for (Path f : written) {
            JsonNode file = JsonMapper.builder().build().readTree(f.toFile());
            assertThat(file.path("bundle_type").asString()).isEqualTo("DIRECTORY_BUNDLE");
            assertThat(file.path("applicant_id").asString()).isEqualTo(env.platform.connectorUserId(env.connectorId));
            assertThat(file.path("connector").path("id").asString()).isEqualTo(env.connectorId);
            assertThat(file.path("connector").path("name").asString()).isEqualTo("Stixify Feed");
            assertThat(file.path("connector").path("type").asString()).isEqualTo("EXTERNAL_IMPORT");
            assertThat(file.path("connector").path("validate_before_import").asBoolean(true)).isFalse();
            assertThat(file.path("update").asBoolean(true)).isFalse();
            assertThat(file.path("bundle").path("type").asString()).isEqualTo("bundle");
            assertThat(file.path("bundle").path("id").asString()).startsWith("bundle--");
            file.path("bundle").path("objects").forEach(o -> ids.add(o.path("id").asString()));
        }
        Set<String> served = new HashSet<>();
        for (String fixture : List.of("report-rat-c2.json", "report-ransomware.json")) {
            ReportSource source = ReportSource.sample(fixture);
            source.objects(0, source.size()).forEachRemaining(o -> served.add(o.path("id").asString()));
        }
        assertThat(ids).isEqualTo(served);
    }

    @Test
    void aMissingOrUnwritableFolderIsRefusedAtStart() {
        Map<String, String> noPath = directoryEnv();
        noPath.remove("CONNECTOR_SEND_TO_DIRECTORY_PATH");
        assertThatThrownBy(() -> ConnectorConfig.load(new ConfigSource(noPath, null)))
                .hasMessageContaining("CONNECTOR_SEND_TO_DIRECTORY_PATH (connector.send_to_directory_path) is required");
        Map<String, String> missing = directoryEnv();
        missing.put("CONNECTOR_SEND_TO_DIRECTORY_PATH", folder.resolve("absent").toString());
        assertThatThrownBy(() -> ConnectorConfig.load(new ConfigSource(missing, null)))
                .hasMessageContaining("is not a writable folder");
    }
}
