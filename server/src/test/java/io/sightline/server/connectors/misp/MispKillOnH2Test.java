package io.sightline.server.connectors.misp;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

class MispKillOnH2Test extends MispKillContract {
    private final Path dir = Path.of("target/test-data/misp-kill-h2-" + UUID.randomUUID()).toAbsolutePath();

    @Override
    List<String> databaseArgs() {
        return List.of("--sightline.data-dir=" + dir);
    }

    @Override
    Path dir() {
        return dir;
    }
}
