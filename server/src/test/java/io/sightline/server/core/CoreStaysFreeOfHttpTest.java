package io.sightline.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the split between the domain and the API: the core names no HTTP, servlet, Spring or JSON
 * type, and only the api package (which maps domain failures to answers) knows ApiException.
 */
class CoreStaysFreeOfHttpTest {
    private static final Path SOURCES = Path.of("src/main/java/io/sightline/server");

    @Test
    void theCoreImportsOnlyTheJdk() {
        List<String> offending = lines(SOURCES.resolve("core"))
                .filter(line -> line.startsWith("import ") && !line.startsWith("import java.")
                        && !line.startsWith("import io.sightline.server.core."))
                .toList();

        assertThat(offending).isEmpty();
    }

    @Test
    void onlyTheApiPackageNamesApiException() {
        List<String> offending = sources(SOURCES)
                .filter(file -> !file.startsWith(SOURCES.resolve("api")))
                .filter(file -> read(file).matches("(?s).*\\bApiException\\b.*"))
                .map(Path::toString)
                .toList();

        assertThat(offending).isEmpty();
    }

    private static Stream<String> lines(Path dir) {
        return sources(dir).flatMap(file -> read(file).lines()).map(String::strip);
    }

    private static Stream<Path> sources(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> files = walk.filter(p -> p.toString().endsWith(".java")).toList();
            assertThat(files).isNotEmpty();
            return files.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
