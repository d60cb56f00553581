package io.sightline.testkit.stixify;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared STIX fixtures ({@code shared/fixtures/stix/}) by walking up from the working
 * directory: the repository checkout always has {@code shared/} as a sibling.
 */
public final class StixFixtures {
    private StixFixtures() {}

    /** The {@code shared/fixtures} folder. */
    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures");
            if (Files.isDirectory(candidate)) return candidate;
        }
        throw new IllegalStateException("no shared/fixtures folder above " + Path.of("").toAbsolutePath());
    }

    /** A file of {@code shared/fixtures/stix/}, e.g. {@code oasis-apt1-report.json}. */
    public static Path stix(String fileName) {
        Path file = root().resolve("stix").resolve(fileName);
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no STIX fixture " + file);
        return file;
    }
}
