package io.sightline.server.core;

import java.util.List;

/**
 * Rules every stored text obeys, whoever sends it (the REST API, the web UI, a connector): a
 * length limit per field, and no NUL character, which PostgreSQL cannot hold in text (refused on
 * H2 too, so both databases behave alike). Messages name the field and the record ("of case").
 */
public final class Text {
    private Text() {}

    /** The text itself, or {@code null} when absent; refused when too long or holding NUL. */
    public static String storable(String field, String what, String s, int maxLength) {
        if (s == null) return null;
        if (s.length() > maxLength) {
            throw new Invalid("Field " + field + " of " + what + " is too long (" + s.length()
                    + " characters, at most " + maxLength + ")");
        }
        if (s.indexOf('\u0000') >= 0) {
            throw new Invalid("Field " + field + " of " + what + " contains the NUL character (\\u0000), which cannot be stored");
        }
        return s;
    }

    /** A text that must be given and not blank. */
    public static String required(String field, String what, String s, int maxLength) {
        if (s == null) throw new Invalid("Field " + field + " of " + what + " is required");
        storable(field, what, s, maxLength);
        if (s.isBlank()) throw new Invalid("Field " + field + " of " + what + " must not be empty");
        return s;
    }

    /** A list of short texts (tags, say), or {@code null} when absent. */
    public static List<String> storable(String field, String what, List<String> items, int maxItems, int maxLength) {
        if (items == null) return null;
        if (items.size() > maxItems) {
            throw new Invalid("Field " + field + " of " + what + " has " + items.size() + " items, at most " + maxItems);
        }
        for (String item : items) storable(field, what, item, maxLength);
        return items;
    }
}
