package io.sightline.server.web;

import io.sightline.server.core.Invalid;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Form-text helpers: tags and lines typed in a text area, whole numbers, paging links. The controllers build the
 * services' typed commands from them, so the UI meets exactly the checks of the REST API. The
 * JSON object is only for the bodies still read as JSON (query steps, Cortex jobs).
 */
final class Forms {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Forms() {}

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Tags typed as "a, b, c" (or one per line); blanks and duplicates dropped. */
    static List<String> tags(String text) {
        return new ArrayList<>(splitDistinct(text, "[,\\n]"));
    }

    /** Values typed one per line. */
    static List<String> lines(String text) {
        return new ArrayList<>(splitDistinct(text, "\\r?\\n"));
    }

    /** "path?a=1&b=2&" with every non-empty value URL-encoded, ready for a "page=" suffix. */
    static String pageBase(String path, java.util.Map<String, Object> params) {
        StringBuilder out = new StringBuilder(path).append('?');
        new java.util.TreeMap<>(params).forEach((k, v) -> {
            String s = v == null ? "" : String.valueOf(v);
            if (!s.isEmpty()) {
                out.append(k).append('=').append(java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)).append('&');
            }
        });
        return out.toString();
    }

    /** A whole number typed in a field, or null for an empty one; anything else is refused naming the field. */
    static Integer number(String field, String text) {
        if (blank(text)) return null;
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new Invalid("Field " + field + " must be a whole number, not '"
                    + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'");
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static LinkedHashSet<String> splitDistinct(String text, String separator) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (text == null) return out;
        for (String part : text.split(separator)) {
            String t = part.trim();
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }
}
