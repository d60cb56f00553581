package io.sightline.server.web;

import java.util.HashMap;
import java.util.Map;

/**
 * The filters the case and alert lists share (title search, status, severity, TLP, tag) plus the
 * one each list adds (assignee, source): the query they make, and the values the page shows back
 * in its form and pager links.
 */
record ListFilters(String q, String status, Integer severity, String tlp, String tag, String extraField, String extra) {

    /** The list's query: {@code extraField} is filtered for equality like the others. */
    ListQuery query(String listStep) {
        ListQuery query = new ListQuery(listStep).like("title", q).eq("status", status).eq("severity", severity)
                .eq("tags", tag).eq(extraField, extra);
        if (!Forms.blank(tlp)) query.eq("tlp", tlp);
        return query;
    }

    /** Whether any filter is set: an empty list then means "none matches", not "none yet". */
    boolean any() {
        return !Forms.blank(q) || !Forms.blank(status) || severity != null || !Forms.blank(tlp) || !Forms.blank(tag)
                || !Forms.blank(extra);
    }

    /** Each filter's value as typed, blank when unset, by parameter name. */
    Map<String, Object> shown() {
        Map<String, Object> f = new HashMap<>();
        f.put("q", orBlank(q));
        f.put("status", orBlank(status));
        f.put("severity", severity == null ? "" : String.valueOf(severity));
        f.put("tlp", orBlank(tlp));
        f.put("tag", orBlank(tag));
        f.put(extraField, orBlank(extra));
        return f;
    }

    private static String orBlank(String s) {
        return s == null ? "" : s;
    }
}
