package io.sightline.integrations.misp;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the public MISP samples ({@code shared/fixtures/misp}) by walking up from the working
 * directory. Absent in a plain clone: the tests that compare with them are then skipped with a message.
 * The project's own samples are always there.
 */
public final class MispFixtures {

    private static final String SAMPLES = "testkit/src/main/resources/io/sightline/testkit/samples/misp";

    private MispFixtures() {
    }

    public static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/fixtures/misp");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Assumptions.abort("shared/fixtures/misp not found above " + Path.of("").toAbsolutePath()
                + ": comparison with the public samples skipped");
    }

    public static Path file(String name) {
        return dir().resolve(name);
    }

    /** One of the project's own MISP samples (the testkit's sample folder, in every clone). */
    public static Path sample(String name) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve(SAMPLES).resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(SAMPLES + "/" + name + " not found above " + Path.of("").toAbsolutePath());
    }
}
