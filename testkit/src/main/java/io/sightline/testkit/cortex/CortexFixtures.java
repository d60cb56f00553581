package io.sightline.testkit.cortex;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the real sample data: the repository checkout always has {@code shared/} next to it,
 * so walk up from the working directory until {@code shared/fixtures} appears.
 */
public final class CortexFixtures {

    private CortexFixtures() {
    }

    public static Path locate(Path configured) {
        if (configured != null) {
            if (!Files.isDirectory(configured)) {
                throw new IllegalArgumentException("fixtures directory " + configured + " does not exist");
            }
            return configured;
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("fixtures");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/fixtures not found in " + start + " or any parent; "
                + "pass the directory with CortexEmulatorOptions.withFixturesDir");
    }
}
