package io.sightline.stix.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.stix.Fixtures;
import io.sightline.stix.StixJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The reused-buffer bundles are byte for byte the bundles of the cleaned objects. */
class BundleCursorTest {
    private static final String BUNDLE = "bundle--2a25c3c8-5d88-4ae9-862a-cc3396442317";
    private final OpenCtiSplitter splitter = new OpenCtiSplitter();

    @Test
    void everyFixtureGivesTheSameBytesAsTheCleanedObjects() {
        for (Path file : Fixtures.allStixFiles()) {
            List<ObjectNode> input = Fixtures.read(file);
            assertSameBundles(input, file.toString());
        }
    }

    @Test
    void editsAreAppliedWhileWriting() {
        String text = """
                [
                 {"type":"identity","spec_version":"2.1","id":"identity--a0000000-0000-4000-8000-000000000001","name":"A"},
                 {"type":"x-mitre-asset","spec_version":"2.1","id":"x-mitre-asset--a0000000-0000-4000-8000-000000000002"},
                 {"type":"attack-pattern","spec_version":"2.1","id":"attack-pattern--a0000000-0000-4000-8000-000000000003",
                  "created":"2026-01-01T00:00:00.000Z","modified":"2026-01-02T00:00:00.000Z",
                  "name":"Caf\\u00e9 \\"quoted\\" \\\\ \\t tab \\ud83d\\ude00",
                  "created_by_ref":"identity--a0000000-0000-4000-8000-000000000001",
                  "x_asset_ref":"x-mitre-asset--a0000000-0000-4000-8000-000000000002",
                  "object_marking_refs":["identity--a0000000-0000-4000-8000-000000000001",
                    "x-mitre-asset--a0000000-0000-4000-8000-000000000002","identity--a0000000-0000-4000-8000-000000000001",7],
                  "external_references":[{"source_name":"a","url":"https://x"},{"source_name":"b","url":"https://x"},
                    {"source_name":"c"},{"source_name":"d","external_id":"T1"},{"source_name":"d","external_id":"T1"}],
                  "kill_chain_phases":[{"kill_chain_name":"k","phase_name":"p"},{"kill_chain_name":"k","phase_name":"p"}],
                  "x_numbers":[1,-2147483649,123456789012345678901234567890,1.5,-0.0,1e300,0.1],
                  "x_nested":{"a":null,"b":true,"c":false,"d":{},"e":[],"f":[[1],{"g":"h"}]}}
                ]""";
        List<ObjectNode> input = new ArrayList<>();
        StixJson.mapper().readTree(text).forEach(o -> input.add((ObjectNode) o));
        assertSameBundles(input, "synthetic");

        try (SplitPlan plan = splitter.plan(input.iterator())) {
            BundleCursor cursor = plan.bundleCursor(BUNDLE, 100_000);
            JsonNode last = null;
            while (cursor.next()) last = StixJson.mapper().readTree(Arrays.copyOf(cursor.bytes(), cursor.length()));
            JsonNode pattern = last.get("objects").get(0);
            assertThat(pattern.get("id").asString()).startsWith("attack-pattern--");
            assertThat(pattern.has("x_asset_ref")).isFalse();
            assertThat(pattern.get("object_marking_refs").toString())
                    .isEqualTo("[\"identity--a0000000-0000-4000-8000-000000000001\",7]");
            assertThat(pattern.get("external_references")).hasSize(2);
            assertThat(pattern.get("kill_chain_phases")).hasSize(1);
            assertThat(pattern.get("name").asString()).isEqualTo("Café \"quoted\" \\ \t tab \uD83D\uDE00");
        }
    }

    @Test
    void aBundleOverTheLimitNamesItsObject() {
        try (SplitPlan plan = splitter.plan(Fixtures.sample("report-rat-c2.json").iterator())) {
            BundleCursor cursor = plan.bundleCursor(BUNDLE, 200);
            assertThatThrownBy(cursor::next).isInstanceOf(OversizedObjectException.class).hasMessageContaining("limit of 200 bytes");
        }
    }

    private void assertSameBundles(List<ObjectNode> input, String what) {
        try (SplitPlan plan = splitter.plan(input.iterator())) {
            List<String> expected = new ArrayList<>();
            for (SplitObject object : plan) expected.add(new String(object.toBundleJson(BUNDLE), StandardCharsets.UTF_8));
            List<String> written = new ArrayList<>();
            BundleCursor cursor = plan.bundleCursor(BUNDLE, Long.MAX_VALUE);
            int sequence = 0;
            while (cursor.next()) {
                assertThat(cursor.sequence()).isEqualTo(++sequence);
                written.add(new String(cursor.bytes(), 0, cursor.length(), StandardCharsets.UTF_8));
            }
            assertThat(written).as(what).isEqualTo(expected);
            List<String> copies = new ArrayList<>();
            for (Iterator<byte[]> it = plan.bundles(BUNDLE, Long.MAX_VALUE); it.hasNext(); ) {
                copies.add(new String(it.next(), StandardCharsets.UTF_8));
            }
            assertThat(copies).as(what).isEqualTo(expected);
        }
    }
}
