package io.sightline.testkit.cortex;

/** Cortex list ranges: {@code all}, {@code from-to} (to exclusive); no range means {@code 0-10}. */
final class Ranges {

    static final int DEFAULT_SIZE = 10;

    private Ranges() {
    }

    /** [from, to) clamped to the size, or null for a malformed range. */
    static int[] parse(String range, int size) {
        if (range == null || range.isBlank()) {
            return new int[] {0, Math.min(DEFAULT_SIZE, size)};
        }
        if (range.equals("all")) {
            return new int[] {0, size};
        }
        String[] parts = range.split("-");
        if (parts.length != 2) {
            return null;
        }
        try {
            int from = Math.min(Integer.parseInt(parts[0].strip()), size);
            int to = Math.min(Integer.parseInt(parts[1].strip()), size);
            return from < 0 || to < from ? null : new int[] {from, to};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
