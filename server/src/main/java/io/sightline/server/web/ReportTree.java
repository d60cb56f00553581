package io.sightline.server.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * An analyzer's full report as a readable tree: objects and lists become nested entries, texts and
 * numbers leaves. A text that is an http or https address becomes a link; every other text (a
 * {@code javascript:} address included) stays text. Everything comes from a remote analyzer and is
 * rendered escaped; very deep or very large reports are cut, the raw JSON stays beside them.
 *
 * @param key      the field name, or "[n]" for the n-th item of a list (from 1); null for the root
 * @param text     a leaf's text, or a branch's size ("3 fields", "2 items")
 * @param href     the leaf's address when it is a link, else null
 * @param children a branch's entries; empty for a leaf
 */
public record ReportTree(String key, String text, String href, List<ReportTree> children, boolean branch) {
    static final int MAX_DEPTH = 12;
    static final int MAX_NODES = 5_000;

    public static ReportTree of(JsonNode report) {
        return build(null, report, 0, new int[] {0});
    }

    private static ReportTree build(String key, JsonNode node, int depth, int[] budget) {
        budget[0]++;
        if (node == null || node.isNull()) return leaf(key, "null");
        if (!node.isContainer()) return node.isString() ? text(key, node.stringValue()) : leaf(key, node.toString());
        if (depth >= MAX_DEPTH || budget[0] > MAX_NODES) return new ReportTree(key, "… (cut, see the raw JSON)", null, List.of(), false);
        List<ReportTree> children = new ArrayList<>();
        if (node.isObject()) {
            for (String name : node.propertyNames()) children.add(build(name, node.get(name), depth + 1, budget));
            return new ReportTree(key, children.size() + (children.size() == 1 ? " field" : " fields"), null, children, true);
        }
        int i = 0;
        for (JsonNode item : node) children.add(build("[" + (++i) + "]", item, depth + 1, budget));
        return new ReportTree(key, children.size() + (children.size() == 1 ? " item" : " items"), null, children, true);
    }

    private static ReportTree text(String key, String value) {
        return new ReportTree(key, value, isWebAddress(value) ? value : null, List.of(), false);
    }

    private static ReportTree leaf(String key, String text) {
        return new ReportTree(key, text, null, List.of(), false);
    }

    /** Only absolute http and https addresses with a host are links. */
    static boolean isWebAddress(String value) {
        String v = value.trim();
        if (!v.equals(value) || v.length() > 2048) return false;
        String lower = v.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) return false;
        try {
            URI uri = new URI(v);
            return uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
