package io.sightline.integrations.misp;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared real MISP fixtures by walking up from the working directory. */
final class MispFixtures {

    private MispFixtures() {
    }

    static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/fixtures/misp");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/fixtures/misp not found above " + Path.of("").toAbsolutePath());
    }

    static Path file(String name) {
        return dir().resolve(name);
    }
}
