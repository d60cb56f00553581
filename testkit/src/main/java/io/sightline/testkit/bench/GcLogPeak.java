package io.sightline.testkit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The peak heap use of a JVM started with {@code -Xlog:gc:file=…}: the heap is fullest just
 * before a collection, and every collection logs that size ({@code 120M->30M(256M)}). Costs the
 * measured process nothing, unlike polling its metrics.
 */
final class GcLogPeak {
    private static final Pattern SIZES = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private final Path log;

    GcLogPeak(Path log) {
        this.log = log;
    }

    /** The JVM option that writes the log this class reads. */
    String option() {
        return "-Xlog:gc:file=" + log;
    }

    /** Lines logged so far: pass it to {@link #peakBytesAfter} to look at later collections only. */
    int lines() {
        return read().size();
    }

    /**
     * Heap use of the collections logged after the first {@code skip} lines: the largest use before
     * one (garbage included) and the largest after one (what was still reachable); zeros if none.
     */
    Peak peakAfter(int skip) {
        long before = 0, after = 0;
        List<String> lines = read();
        for (String line : lines.subList(Math.min(skip, lines.size()), lines.size())) {
            Matcher m = SIZES.matcher(line);
            if (m.find()) {
                before = Math.max(before, bytes(m.group(1), m.group(2)));
                after = Math.max(after, bytes(m.group(3), m.group(4)));
            }
        }
        return new Peak(before, after);
    }

    /** Bytes: largest use before a collection, largest use after one. */
    record Peak(long beforeGc, long afterGc) {}

    private List<String> read() {
        try {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the GC log " + log, e);
        }
    }

    private static long bytes(String amount, String unit) {
        long n = Long.parseLong(amount);
        return switch (unit) {
            case "K" -> n << 10;
            case "M" -> n << 20;
            default -> n << 30;
        };
    }
}
