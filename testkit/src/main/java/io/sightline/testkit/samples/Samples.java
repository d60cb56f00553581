package io.sightline.testkit.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample data this project ships ({@code io/sightline/testkit/samples/}: MISP events, Cortex
 * analyzer reports, STIX bundles, all made up, see its README). The emulators, the demo and the
 * benchmarks use it, so they need nothing outside the repository. The files are copied once per
 * JVM to a temporary folder, because the emulators' loaders read folders and the samples may sit
 * inside a jar.
 */
public final class Samples {
    private static final String BASE = "/io/sightline/testkit/samples/";
    private static Path root;

    private Samples() {}

    /** The folder holding {@code misp/}, {@code cortex/} and {@code stix/}. */
    public static synchronized Path root() {
        if (root == null) root = extract();
        return root;
    }

    /** The MISP sample folder, for {@code MispEmulator.Options.load}. */
    public static Path misp() {
        return root().resolve("misp");
    }

    /** A sample file by its path under the samples folder, e.g. {@code stix/report-rat-c2.json}. */
    public static Path file(String relative) {
        Path file = root().resolve(relative).normalize();
        if (!file.startsWith(root()) || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no sample " + relative + " (see " + BASE + "index.txt)");
        }
        return file;
    }

    /** The paths of every sample file, relative to {@link #root()}, as listed in {@code index.txt}. */
    public static List<String> index() {
        return new String(read("index.txt"), StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
    }

    private static Path extract() {
        try {
            Path dir = Files.createTempDirectory("sightline-samples-");
            for (String relative : index()) {
                Path target = dir.resolve(relative);
                Files.createDirectories(target.getParent());
                Files.write(target, read(relative));
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the sample data to a temporary folder", e);
        }
    }

    private static byte[] read(String relative) {
        try (InputStream in = Samples.class.getResourceAsStream(BASE + relative)) {
            if (in == null) throw new IllegalStateException("sample " + relative + " is missing from the classpath");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample " + relative, e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
