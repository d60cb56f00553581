package io.sightline.server.support;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Where a {@link ChildHub} keeps its data, as command-line arguments: a fresh data folder under
 * {@code target/test-data}, and for PostgreSQL a fresh database on the embedded server, which lives
 * in the test's JVM and so survives the hub's kill.
 *
 * @param dir the data folder, also where the hubs' logs go
 */
public record ChildHubStore(Path dir, List<String> args) {

    /** H2 in the data folder, with the hub's default URL. */
    public static ChildHubStore h2(String name) {
        Path dir = folder(name);
        return new ChildHubStore(dir, List.of("--sightline.data-dir=" + dir));
    }

    /** H2 in the data folder, with a URL as a user would write it (no WRITE_DELAY: the hub adds it). */
    public static ChildHubStore h2WithPlainUrl(String name) {
        Path dir = folder(name);
        return new ChildHubStore(dir, List.of("--sightline.data-dir=" + dir, "--spring.datasource.url=jdbc:h2:file:" + dir + "/db/sightline"));
    }

    public static ChildHubStore postgres(String name) {
        Path dir = folder(name);
        return new ChildHubStore(dir, List.of("--sightline.data-dir=" + dir, "--spring.datasource.url=" + PostgresDatabase.newDatabase(),
                "--spring.datasource.username=postgres", "--spring.datasource.password="));
    }

    private static Path folder(String name) {
        return Path.of("target/test-data/" + name + "-" + UUID.randomUUID()).toAbsolutePath();
    }
}
