package io.sightline.integrations.cortex;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared real sample data: walks up from the working directory to {@code shared/fixtures}. */
final class Fixtures {

    private Fixtures() {
    }

    static Path path(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("fixtures");
            if (Files.isDirectory(candidate)) {
                return candidate.resolve(relative);
            }
        }
        throw new IllegalStateException("shared/fixtures not found above " + Path.of("").toAbsolutePath());
    }
}
