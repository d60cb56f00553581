package io.sightline.testkit.opencti;

import io.sightline.stix.StixObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public STIX samples of {@code shared/fixtures}, found by walking up from the working directory.
 * Absent in a plain clone: the tests that use them are then skipped with a message.
 */
final class SharedFixtures {
    private SharedFixtures() {}

    static Path stix(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures/stix").resolve(name);
            if (Files.isRegularFile(candidate)) return candidate;
        }
        return Assumptions.abort("shared/fixtures/stix/" + name + " not found above " + Path.of("").toAbsolutePath()
                + ": comparison with the public samples skipped");
    }

    static List<ObjectNode> objects(String name) {
        try (InputStream in = Files.newInputStream(stix(name)); StixObjectReader reader = StixObjectReader.open(in)) {
            List<ObjectNode> out = new ArrayList<>();
            reader.forEachRemaining(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
