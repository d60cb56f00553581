package io.sightline.server.pages;

import io.sightline.server.api.JsonInput;
import io.sightline.server.core.Invalid;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads TheHive's InputCreatePage and InputUpdatePage (case pages and page templates alike), with
 * TheHive's limits: title 1–512 characters, category 1–128; content at most a million characters
 * (below the 1 MiB body limit, so an oversized content is named in a 400).
 */
public final class PageInput {
    static final int MAX_TITLE = 512;
    static final int MAX_CATEGORY = 128;
    static final int MAX_CONTENT = 1_000_000;
    private static final Set<String> FIELDS = Set.of("title", "category", "content", "order");

    private PageInput() {}

    public static PageDraft draft(JsonNode body, String what) {
        JsonInput in = JsonInput.of(body, what, FIELDS);
        String content = in.string("content", MAX_CONTENT).orElseThrow(() -> in.missing("content"));
        return new PageDraft(in.requiredString("title", MAX_TITLE), in.requiredString("category", MAX_CATEGORY),
                content, in.integer("order").orElse(0));
    }

    /** A required text: not blank, within its limit, storable. */
    static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) throw new Invalid("Field " + field + " of page must not be empty");
        return checked(field, value, max);
    }

    static String checked(String field, String value, int max) {
        return JsonInput.storable(field, "page", value, max);
    }

    public static PageChange change(JsonNode body, String what) {
        JsonInput in = JsonInput.of(body, what, FIELDS);
        for (String field : FIELDS) {
            if (in.has(field) && !in.hasValue(field)) throw new Invalid("Field " + field + " of " + what + " must not be null");
        }
        return new PageChange(in.has("title") ? in.requiredString("title", MAX_TITLE) : null,
                in.has("category") ? in.requiredString("category", MAX_CATEGORY) : null,
                in.string("content", MAX_CONTENT).orElse(null), in.integer("order").orElse(null));
    }
}
