package io.sightline.testkit.samples;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public sample files ({@code shared/fixtures}: real MISP events, Cortex reports, STIX bundles
 * published by other projects). They are not part of this repository: only a checkout with a
 * {@code shared/} folder above it has them. Tests that compare with them are marked
 * {@link NeedsPublicSamples} and are skipped elsewhere.
 */
public final class PublicSamples {
    private PublicSamples() {}

    /** Whether a {@code shared/fixtures} folder is above the working directory. */
    public static boolean present() {
        return find() != null;
    }

    /** The {@code shared/fixtures} folder; fails with a clear message when it is absent. */
    public static Path root() {
        Path found = find();
        if (found == null) throw new IllegalStateException(absence());
        return found;
    }

    /** What a skipped test says. */
    public static String absence() {
        return "shared/fixtures not found above " + Path.of("").toAbsolutePath()
                + ": comparison with the public samples skipped";
    }

    private static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures");
            if (Files.isDirectory(candidate)) return candidate;
        }
        return null;
    }
}
