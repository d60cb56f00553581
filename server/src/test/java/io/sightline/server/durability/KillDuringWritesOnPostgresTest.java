package io.sightline.server.durability;

import io.sightline.server.support.PostgresDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** On PostgreSQL: the embedded server lives in the test's JVM and survives the hub's kill. */
class KillDuringWritesOnPostgresTest extends KillDuringWritesContract {
    private final Path dir = Path.of("target/test-data/kill-pg-" + UUID.randomUUID()).toAbsolutePath();
    private final String url = PostgresDatabase.newDatabase();

    @Override
    List<String> databaseArgs() {
        return List.of("--sightline.data-dir=" + dir, "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=");
    }

    @Override
    Path logDir() {
        return dir;
    }
}
