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
 * Test data: the public sample files of {@code ../shared/fixtures}, found by walking up from the
 * working directory, and the project's own samples (the testkit's sample folder, in every clone).
 * A plain clone has no public samples: the tests comparing with them are then skipped (aborted
 * with a message), never failed; generic checks run on the own samples there.
 */
public final class Fixtures {
    private Fixtures() {}

    private static final String SAMPLES = "testkit/src/main/resources/io/sightline/testkit/samples/stix";

    public static Path root() {
        Path found = publicRoot();
        if (found != null) return found;
        return Assumptions.abort("shared/fixtures not found above " + Path.of("").toAbsolutePath()
                + ": comparison with the public samples skipped");
    }

    private static Path publicRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures");
            if (Files.isDirectory(candidate)) return candidate;
        }
        return null;
    }

    public static Path stix(String name) {
        return root().resolve("stix").resolve(name);
    }

    public static Path schemas() {
        return root().resolve("stix-schemas");
    }

    public static List<Path> stixFiles() {
        return list(root().resolve("stix"));
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<ObjectNode> objects(String name) {
        return read(stix(name));
    }

    /** The project's own STIX samples ({@code testkit/.../samples/stix}), part of the repository. */
    public static Path samples() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(SAMPLES);
            if (Files.isDirectory(candidate)) return candidate;
        }
        throw new IllegalStateException(SAMPLES + " not found above " + Path.of("").toAbsolutePath());
    }

    /** The objects of an own sample, e.g. {@code report-rat-c2.json}. */
    public static List<ObjectNode> sample(String name) {
        return read(samples().resolve(name));
    }

    /** Files for the generic checks: the own samples, and the public ones where present. */
    public static List<Path> allStixFiles() {
        List<Path> files = new ArrayList<>(list(samples()));
        Path publicStix = publicRoot() == null ? null : publicRoot().resolve("stix");
        if (publicStix != null) files.addAll(list(publicStix));
        return files;
    }

    public static List<ObjectNode> read(Path file) {
        try (InputStream in = Files.newInputStream(file); StixObjectReader reader = StixObjectReader.open(in)) {
            List<ObjectNode> objects = new ArrayList<>();
            reader.forEachRemaining(objects::add);
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
