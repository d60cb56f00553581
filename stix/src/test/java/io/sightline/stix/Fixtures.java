package io.sightline.stix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public sample files of {@code ../shared/fixtures}, found by walking up from the working
 * directory. A plain clone has no such folder: the tests comparing with the public samples are
 * then skipped (aborted with a message), never failed.
 */
public final class Fixtures {
    private Fixtures() {}

    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures");
            if (Files.isDirectory(candidate)) return candidate;
        }
        return Assumptions.abort("shared/fixtures not found above " + Path.of("").toAbsolutePath()
                + ": comparison with the public samples skipped");
    }

    public static Path stix(String name) {
        return root().resolve("stix").resolve(name);
    }

    public static Path schemas() {
        return root().resolve("stix-schemas");
    }

    public static List<Path> stixFiles() {
        try (Stream<Path> files = Files.list(root().resolve("stix"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<ObjectNode> objects(String name) {
        try (InputStream in = Files.newInputStream(stix(name)); StixObjectReader reader = StixObjectReader.open(in)) {
            List<ObjectNode> objects = new ArrayList<>();
            reader.forEachRemaining(objects::add);
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
