package io.sightline.testkit.stixify;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The query parameters of a Stixify list request, decoded as Django decodes them (a bare '+' is a
 * space). {@code page} falls back to 1 when missing, not a number or below 1, and is refused from
 * 2^32 on; {@code page_size} defaults to 50 and is capped at {@link StixifyEmulator#MAX_PAGE_SIZE}.
 */
record StixifyQuery(int page, int pageSize, Instant addedAfter) {

    /** A query the API refuses: {@code field} and the reason, shown as DRF shows field errors. */
    static final class BadQuery extends IllegalArgumentException {
        final String field;

        BadQuery(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    static StixifyQuery parse(String rawQuery) {
        int page = 1;
        int pageSize = StixifyEmulator.DEFAULT_PAGE_SIZE;
        Instant addedAfter = null;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            switch (name) {
                case "page" -> page = page(value);
                case "page_size" -> pageSize = pageSize(value);
                case "added_after" -> addedAfter = timestamp(value);
                default -> { }
            }
        }
        return new StixifyQuery(page, pageSize, addedAfter);
    }

    private static int page(String value) {
        long page;
        try {
            page = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
        if (page >= (1L << 32)) throw new BadQuery("page", "page number too large");
        return page < 1 ? 1 : (int) Math.min(page, Integer.MAX_VALUE);
    }

    private static int pageSize(String value) {
        try {
            int size = Integer.parseInt(value.strip());
            return size < 1 ? StixifyEmulator.DEFAULT_PAGE_SIZE : Math.min(size, StixifyEmulator.MAX_PAGE_SIZE);
        } catch (NumberFormatException e) {
            return StixifyEmulator.DEFAULT_PAGE_SIZE;
        }
    }

    private static Instant timestamp(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadQuery("added_after", "Enter a valid date/time.");
        }
    }
}
