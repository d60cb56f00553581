package io.sightline.server.durability;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** On H2 with a URL as a user would write it: without WRITE_DELAY, which the hub then sets. */
class KillDuringWritesOnH2Test extends KillDuringWritesContract {
    private final Path dir = Path.of("target/test-data/kill-h2-" + UUID.randomUUID()).toAbsolutePath();

    @Override
    List<String> databaseArgs() {
        return List.of("--sightline.data-dir=" + dir, "--spring.datasource.url=jdbc:h2:file:" + dir + "/db/sightline");
    }

    @Override
    Path logDir() {
        return dir;
    }
}
