package io.sightline.testkit.stixify;

import io.sightline.testkit.samples.PublicSamples;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the public STIX samples ({@code shared/fixtures/stix/}) by walking up from the working
 * directory. They sit next to a full checkout only, never in a plain clone: tests comparing with
 * them are marked {@code @NeedsPublicSamples}; the demo and the emulators use {@code Samples} instead.
 */
public final class StixFixtures {
    private StixFixtures() {}

    /** The {@code shared/fixtures} folder. */
    public static Path root() {
        return PublicSamples.root();
    }

    /** A file of {@code shared/fixtures/stix/}, e.g. {@code oasis-apt1-report.json}. */
    public static Path stix(String fileName) {
        Path file = root().resolve("stix").resolve(fileName);
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no STIX fixture " + file);
        return file;
    }

    /** Adds to the emulator a report made of the objects of the public STIX sample {@code fileName}, named after it. */
    public static String addReport(StixifyEmulator emulator, String dossierId, String fileName, java.time.Instant addedAt) {
        return emulator.addReport(dossierId, fileName, ReportSource.fromFile(stix(fileName)), addedAt);
    }
}
