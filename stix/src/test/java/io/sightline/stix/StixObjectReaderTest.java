package io.sightline.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class StixObjectReaderTest {

    /** Object counts from SOURCES.md (files as bundles or, for the SCO examples, a bare array). */
    private static final Map<String, Integer> EXPECTED_COUNTS = Map.ofEntries(
            Map.entry("oasis-apt1-report.json", 76),
            Map.entry("oasis-poisonivy-report.json", 155),
            Map.entry("oasis-infrastructure.json", 10),
            Map.entry("oasis-indicators-for-C2-with-COA.json", 8),
            Map.entry("oasis-malicious-email-indicator-with-attachment.json", 6),
            Map.entry("stix2-python-sco-examples-list.json", 82),
            Map.entry("opencti-pycti-DATA-TEST-STIX2_v2.json", 59),
            Map.entry("opencti-pycti-cyclic-bundle.json", 9),
            Map.entry("opencti-pycti-missing_refs.json", 4),
            Map.entry("opencti-pycti-mitre_capec-bundle.json", 2610),
            Map.entry("misp-stix-events_collection-as-stix21.json", 20),
            Map.entry("stix2arango-indicator-version-1.json", 1),
            Map.entry("stix2arango-indicator-version-2.json", 1));

    @Test
    void everyFixtureStreamsWithItsObjectCount() throws Exception {
        assertThat(Fixtures.stixFiles()).hasSize(EXPECTED_COUNTS.size());
        for (var file : Fixtures.stixFiles()) {
            String name = file.getFileName().toString();
            try (InputStream in = Files.newInputStream(file); StixObjectReader reader = StixObjectReader.open(in)) {
                int count = 0;
                while (reader.hasNext()) {
                    ObjectNode object = reader.next();
                    assertThat(object.path("type").isString()).as(name).isTrue();
                    count++;
                }
                assertThat(count).as(name).isEqualTo(EXPECTED_COUNTS.get(name));
                assertThat(reader.count()).isEqualTo(count);
            }
        }
    }

    @Test
    void keepsEnvelopeFieldsBeforeAndAfterTheList() {
        String page = "{\"page_size\":200,\"objects\":[{\"id\":\"a\"},{\"id\":\"b\"}],\"total_results_count\":7,\"extra\":{\"x\":[1]}}";
        try (StixObjectReader reader = StixObjectReader.open(stream(page))) {
            assertThat(reader.envelope().path("page_size").asInt()).isEqualTo(200);
            List<String> ids = new ArrayList<>();
            reader.forEachRemaining(o -> ids.add(o.path("id").asString()));
            assertThat(ids).containsExactly("a", "b");
            assertThat(reader.envelope().path("total_results_count").asInt()).isEqualTo(7);
            assertThat(reader.envelope().has("extra")).isFalse();
        }
    }

    @Test
    void readsAnotherListKey() {
        try (StixObjectReader reader = StixObjectReader.open(stream("{\"results\":[{\"id\":\"d1\",\"name\":\"x\"}],\"total_results_count\":1}"), "results")) {
            assertThat(reader.next().path("name").asString()).isEqualTo("x");
            assertThat(reader.hasNext()).isFalse();
        }
    }

    @Test
    void malformedInputGivesPreciseErrors() {
        assertThatThrownBy(() -> drain("{\"type\":\"bundle\",\"objects\":[{\"id\":\"a\"},\n{\"id\": }]}"))
                .isInstanceOf(StixFormatException.class).hasMessageContaining("object #2").hasMessageContaining("line 2");
        assertThatThrownBy(() -> drain("{\"type\":\"bundle\",\"id\":\"bundle--x\"}"))
                .isInstanceOf(StixFormatException.class).hasMessageContaining("no 'objects' array");
        assertThatThrownBy(() -> drain("{\"objects\":{}}"))
                .isInstanceOf(StixFormatException.class).hasMessageContaining("'objects' must be an array, found an object");
        assertThatThrownBy(() -> drain("[{\"id\":\"a\"}, 42]"))
                .isInstanceOf(StixFormatException.class).hasMessageContaining("element #2 of 'objects' is not a JSON object but a number");
        assertThatThrownBy(() -> drain("{\"objects\":[{\"id\":\"a\"}"))
                .isInstanceOf(StixFormatException.class);
        assertThatThrownBy(() -> drain("\"bundle\""))
                .isInstanceOf(StixFormatException.class).hasMessageContaining("found a string");
        assertThatThrownBy(() -> drain("[] []"))
                .isInstanceOf(StixFormatException.class).hasMessageContaining("after the end");
    }

    @Test
    void writerRoundTripsAFixtureWithAValidBundleId() throws Exception {
        List<ObjectNode> objects = Fixtures.objects("oasis-apt1-report.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String bundleId;
        try (StixBundleWriter writer = StixBundleWriter.open(out)) {
            objects.forEach(writer::write);
            bundleId = writer.bundleId();
            assertThat(writer.count()).isEqualTo(76);
        }
        assertThat(StixId.parse(bundleId).type()).isEqualTo("bundle");
        assertThat(StixId.parse(bundleId).uuid().version()).isEqualTo(4);
        JsonNode bundle = StixJson.mapper().readTree(out.toByteArray());
        assertThat(bundle.path("type").asString()).isEqualTo("bundle");
        assertThat(bundle.path("id").asString()).isEqualTo(bundleId);
        try (StixObjectReader reader = StixObjectReader.open(new ByteArrayInputStream(out.toByteArray()))) {
            List<ObjectNode> back = new ArrayList<>();
            reader.forEachRemaining(back::add);
            assertThat(back).isEqualTo(objects);
        }
        assertThatThrownBy(() -> StixBundleWriter.open(new ByteArrayOutputStream(), "report--" + java.util.UUID.randomUUID()))
                .isInstanceOf(StixFormatException.class);
    }

    private static void drain(String json) {
        try (StixObjectReader reader = StixObjectReader.open(stream(json))) {
            reader.forEachRemaining(o -> { });
        }
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
