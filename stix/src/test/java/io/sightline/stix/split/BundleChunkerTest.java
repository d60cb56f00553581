package io.sightline.stix.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.stix.Fixtures;
import io.sightline.stix.StixJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class BundleChunkerTest {
    private static final String BUNDLE = "bundle--6f0d1a4e-5d3b-4c6a-9d7e-1a2b3c4d5e6f";

    @Test
    void noChunkExceedsTheLimitAndNothingIsLostOrReordered() {
        List<ObjectNode> objects = Fixtures.objects("opencti-pycti-mitre_capec-bundle.json");
        long limit = 256 * 1024;
        List<String> ids = new ArrayList<>();
        int chunks = 0;
        for (Iterator<BundleChunker.Chunk> it = new BundleChunker(limit).chunk(BUNDLE, objects.iterator()); it.hasNext(); ) {
            BundleChunker.Chunk chunk = it.next();
            chunks++;
            assertThat((long) chunk.json().length).isLessThanOrEqualTo(limit);
            JsonNode bundle = StixJson.mapper().readTree(chunk.json());
            assertThat(bundle.path("id").asString()).isEqualTo(BUNDLE);
            assertThat(bundle.path("objects")).hasSize(chunk.objectCount());
            bundle.path("objects").forEach(o -> ids.add(o.path("id").asString()));
        }
        assertThat(chunks).isGreaterThan(10);
        assertThat(ids).containsExactlyElementsOf(objects.stream().map(o -> o.path("id").asString()).toList());
    }

    @Test
    void anObjectLargerThanTheLimitIsNamed() {
        ObjectNode big = StixJson.mapper().createObjectNode().put("type", "note").put("id", "note--1").put("content", "x".repeat(5000));
        Iterator<BundleChunker.Chunk> chunks = new BundleChunker(1000).chunk(BUNDLE, List.of(big).iterator());
        assertThatThrownBy(chunks::next).isInstanceOf(OversizedObjectException.class).hasMessageContaining("note--1");
    }
}
