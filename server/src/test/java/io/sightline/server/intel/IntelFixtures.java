package io.sightline.server.intel;

import io.sightline.stix.StixObjectReader;
import io.sightline.testkit.stixify.ReportSource;
import io.sightline.testkit.stixify.StixFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/** The public STIX samples as lists of objects, and copies of the project's own samples under fresh ids. */
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

    /** The only object of a one-object sample of the project ({@code stix/<sample>}), under {@code newId} (same type). */
    static ObjectNode single(String sample, String newId) {
        ReportSource source = ReportSource.sample(sample);
        if (source.size() != 1) throw new IllegalStateException(sample + " holds " + source.size() + " objects");
        return source.objects(0, 1).next().deepCopy().put("id", newId);
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
