package io.sightline.server.intel;

import io.sightline.stix.StixObjectReader;
import io.sightline.testkit.stixify.StixFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/** The shared STIX fixtures as lists of objects, and copies of them under fresh ids. */
final class IntelFixtures {
    private IntelFixtures() {}

    static List<ObjectNode> objects(String fixture) {
        try (StixObjectReader reader = StixObjectReader.open(Files.newInputStream(StixFixtures.stix(fixture)))) {
            List<ObjectNode> out = new ArrayList<>();
            reader.forEachRemaining(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The only object of a one-object fixture, under {@code newId} (same type). */
    static ObjectNode single(String fixture, String newId) {
        List<ObjectNode> objects = objects(fixture);
        if (objects.size() != 1) throw new IllegalStateException(fixture + " holds " + objects.size() + " objects");
        return objects.get(0).put("id", newId);
    }

    static String freshId(String type) {
        return type + "--" + UUID.randomUUID();
    }

    /** The id of the report object of a bundle fixture. */
    static String reportId(String fixture) {
        return objects(fixture).stream().filter(o -> o.path("type").asString("").equals("report")).findFirst()
                .map(o -> o.get("id").asString()).orElseThrow();
    }
}
