package io.sightline.stix.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.stix.Fixtures;
import io.sightline.stix.StixFormatException;
import io.sightline.stix.StixJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class OpenCtiSplitterTest {
    private final OpenCtiSplitter splitter = new OpenCtiSplitter();

    @Test
    void everyFixtureIsOrderedReferencesFirst() {
        for (Path file : Fixtures.allStixFiles()) {
            List<ObjectNode> input = Fixtures.read(file);
            try (SplitPlan plan = splitter.plan(input.iterator())) {
                List<SplitObject> out = collect(plan);
                assertThat(out).as(file.toString()).hasSize(plan.expectations());
                assertReferencesFirst(out, file.toString());
                assertThat(plan.expectations() + plan.droppedCount() + plan.duplicates()).isEqualTo(input.size());
            }
        }
    }

    @Test
    void capecBundleGivesPyctisExpectationCount() {
        try (SplitPlan plan = splitter.plan(Fixtures.objects("opencti-pycti-mitre_capec-bundle.json").iterator())) {
            assertThat(plan.expectations()).isEqualTo(2610); // pycti test_split_capec_bundle
            List<SplitObject> out = collect(plan);
            assertThat(out.get(0).sequence()).isEqualTo(1);
            assertThat(out.get(out.size() - 1).sequence()).isEqualTo(2610);
            // Markings and the author have no dependencies and go first, relationships last.
            assertThat(out.get(0).dependencyCount()).isEqualTo(1);
            assertThat(out.get(out.size() - 1).type()).isEqualTo("relationship");
        }
    }

    @Test
    void missingReferencesAreTolerated() {
        try (SplitPlan plan = splitter.plan(Fixtures.objects("opencti-pycti-missing_refs.json").iterator())) {
            assertThat(plan.expectations()).isEqualTo(4); // pycti test_split_missing_refs_bundle
            List<SplitObject> out = collect(plan);
            SplitObject relationship = out.stream().filter(o -> o.id().endsWith("ea05")).findFirst().orElseThrow();
            assertThat(relationship.object().path("target_ref").asString()).isEqualTo("malware--faa5b705-cf44-4e50-8472-29e5fec43c3e");
            assertThat(relationship.object().path("created_by_ref").asString()).isEqualTo("identity--not-available");
        }
    }

    @Test
    void cyclicBundleIsBrokenAndTheUnsupportedTypeDropped() {
        try (SplitPlan plan = splitter.plan(Fixtures.objects("opencti-pycti-cyclic-bundle.json").iterator())) {
            assertThat(plan.expectations()).isEqualTo(6); // pycti test_split_cyclic_bundle
            assertThat(plan.duplicates()).isEqualTo(1);
            assertThat(plan.dropped()).containsEntry("unsupported type x-mitre-asset", 1)
                    .containsEntry("relationship with a missing or dropped end", 1);
            List<SplitObject> out = collect(plan);
            assertThat(out).extracting(SplitObject::type).doesNotContain("x-mitre-asset", "relationship");
            ObjectNode report = out.stream().filter(o -> o.id().equals("report--a445d22a-db0c-4b5d-9ec8-e9ad0b6dbdd7"))
                    .findFirst().orElseThrow().object();
            assertThat(report.path("object_refs")).hasSize(2); // self reference and cycle removed, as in pycti
            assertThat(report.path("external_references")).hasSize(1); // duplicated references collapsed
            assertThat(report.path("object_marking_refs").get(0).asString())
                    .isEqualTo("marking-definition--78ca4366-f5b8-4764-83f7-34ce38198e27");
            ObjectNode identity = out.stream().filter(o -> o.type().equals("identity")).findFirst().orElseThrow().object();
            assertThat(identity.has("created_by_ref")).isFalse(); // self reference removed
            assertReferencesFirst(out, "cyclic");
        }
    }

    @Test
    void inputIsNotModifiedAndSpillingChangesNothing(@TempDir Path spill) {
        List<ObjectNode> input = Fixtures.objects("opencti-pycti-cyclic-bundle.json");
        List<ObjectNode> pristine = input.stream().map(ObjectNode::deepCopy).toList();
        List<SplitObject> inMemory;
        try (SplitPlan plan = splitter.plan(input.iterator())) {
            assertThat(plan.spilled()).isFalse();
            inMemory = collect(plan);
        }
        assertThat(input).isEqualTo(pristine);
        try (SplitPlan plan = new OpenCtiSplitter(0, spill).plan(input.iterator())) {
            assertThat(plan.spilled()).isTrue();
            assertThat(collect(plan)).isEqualTo(inMemory);
            assertThat(collect(plan)).isEqualTo(inMemory); // a plan can be read twice
        }
    }

    @Test
    void longChainsAndLargeReportsSpillAndStayOrdered(@TempDir Path spill) {
        int n = 20_000;
        OpenCtiSplitter small = new OpenCtiSplitter(64 * 1024, spill);
        // Each note references the next one, so the last must go first: a 20,000-deep chain.
        Iterator<JsonNode> objects = new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public JsonNode next() {
                ObjectNode note = StixJson.mapper().createObjectNode().put("type", "note").put("id", noteId(i)).put("content", "x".repeat(50));
                if (i + 1 < n) note.putArray("object_refs").add(noteId(i + 1));
                i++;
                return note;
            }
        };
        try (SplitPlan plan = small.plan(objects)) {
            assertThat(plan.spilled()).isTrue();
            assertThat(plan.expectations()).isEqualTo(n);
            Iterator<SplitObject> out = plan.iterator();
            assertThat(out.next().id()).isEqualTo(noteId(n - 1));
            assertThat(out.next().id()).isEqualTo(noteId(n - 2));
        }
    }

    @Test
    void dependencyCountsBeyondTwoBillionStillOrderReferencesFirst() {
        // A ladder: both notes of a level refer to both notes of the level below, so the counts
        // double at every level and pass 2^31 (then saturate) long before the top.
        List<ObjectNode> notes = new ArrayList<>();
        int levels = 70;
        for (int level = levels - 1; level >= 0; level--) {
            for (int side = 0; side < 2; side++) {
                ObjectNode note = StixJson.mapper().createObjectNode().put("type", "note").put("id", noteId(level * 2 + side));
                if (level > 0) note.putArray("object_refs").add(noteId(level * 2 - 2)).add(noteId(level * 2 - 1));
                notes.add(note);
            }
        }
        try (SplitPlan plan = splitter.plan(notes.iterator())) {
            List<SplitObject> out = collect(plan);
            assertThat(out).hasSize(2 * levels);
            assertReferencesFirst(out, "ladder");
            assertThat(out.get(out.size() - 1).dependencyCount()).isEqualTo(Long.MAX_VALUE);
            for (int i = 1; i < out.size(); i++) {
                assertThat(out.get(i).dependencyCount()).isGreaterThanOrEqualTo(out.get(i - 1).dependencyCount());
            }
        }
    }

    @Test
    void newestDuplicateWinsAndObjectsWithoutIdAreRejected() {
        List<ObjectNode> objects = new ArrayList<>(Fixtures.sample("indicator-version-2.json"));
        objects.addAll(Fixtures.sample("indicator-version-1.json"));
        try (SplitPlan plan = splitter.plan(objects.iterator())) {
            assertThat(collect(plan)).singleElement()
                    .satisfies(o -> assertThat(o.object().path("modified").asString()).startsWith("2026-02-01"));
        }
        ObjectNode noId = StixJson.mapper().createObjectNode().put("type", "malware");
        assertThatThrownBy(() -> splitter.plan(List.of(noId).iterator()))
                .isInstanceOf(StixFormatException.class).hasMessageContaining("object #1 has no string 'id'");
    }

    @Test
    void splitBundlesHaveThePyctiShapeAndRespectTheLimit() {
        try (SplitPlan plan = splitter.plan(Fixtures.sample("report-rat-c2.json").iterator())) {
            Iterator<byte[]> bundles = plan.bundles("bundle--2a25c3c8-5d88-4ae9-862a-cc3396442317", 100_000);
            JsonNode first = StixJson.mapper().readTree(bundles.next());
            assertThat(first.path("type").asString()).isEqualTo("bundle");
            assertThat(first.path("spec_version").asString()).isEqualTo("2.1");
            assertThat(first.path("x_opencti_seq").asLong()).isEqualTo(1);
            assertThat(first.path("objects")).hasSize(1);
            Iterator<byte[]> tiny = plan.bundles("bundle--2a25c3c8-5d88-4ae9-862a-cc3396442317", 200);
            assertThatThrownBy(tiny::next).isInstanceOf(OversizedObjectException.class).hasMessageContaining("limit of 200 bytes");
        }
    }

    static List<SplitObject> collect(SplitPlan plan) {
        List<SplitObject> out = new ArrayList<>();
        plan.forEach(out::add);
        return out;
    }

    /** Every reference to an object that is sent points at an object sent earlier. */
    static void assertReferencesFirst(List<SplitObject> out, String what) {
        Map<String, Integer> position = new HashMap<>();
        for (SplitObject object : out) position.put(object.id(), object.sequence());
        Set<String> seen = new HashSet<>();
        for (SplitObject object : out) {
            for (String ref : refs(object.object())) {
                if (position.containsKey(ref)) {
                    assertThat(seen).as(what + ": " + object.id() + " refers to " + ref).contains(ref);
                }
            }
            seen.add(object.id());
        }
    }

    private static List<String> refs(JsonNode object) {
        List<String> refs = new ArrayList<>();
        object.properties().forEach(e -> {
            if (e.getKey().endsWith("_ref") && e.getValue().isString()) refs.add(e.getValue().asString());
            if (e.getKey().endsWith("_refs")) e.getValue().forEach(r -> refs.add(r.asString()));
        });
        return refs;
    }

    private static String noteId(int i) {
        return String.format("note--00000000-0000-4000-8000-%012d", i);
    }
}
