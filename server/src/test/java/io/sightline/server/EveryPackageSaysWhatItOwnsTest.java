package io.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each package of the hub has a package-info.java saying what it owns, so a newcomer finds things in one hop. */
class EveryPackageSaysWhatItOwnsTest {
    private static final Path SOURCES = Path.of("src/main/java/io/sightline/server");

    @Test
    void everyPackageHasAPackageInfo() {
        List<Path> missing;
        try (Stream<Path> dirs = Files.walk(SOURCES)) {
            missing = dirs.filter(Files::isDirectory)
                    .filter(d -> !d.equals(SOURCES) && hasJavaFiles(d))
                    .filter(d -> !Files.exists(d.resolve("package-info.java")))
                    .map(SOURCES::relativize)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        assertThat(missing).isEmpty();
    }

    private static boolean hasJavaFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
