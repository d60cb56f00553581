package io.sightline.server.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One taxonomy of an analyzer report summary, as TheHive stores them on an observable
 * ({@code reports: {"<analyzer>": {"taxonomies": [{level, namespace, predicate, value}]}}}).
 * Everything here comes from a remote analyzer and is rendered escaped.
 */
public record ReportBadge(String analyzer, String level, String namespace, String predicate, String value) {
    private static final Set<String> LEVELS = Set.of("info", "safe", "suspicious", "malicious");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** {@code namespace:predicate="value"}, TheHive's label. */
    public String label() {
        return namespace + ":" + predicate + "=\"" + value + "\"";
    }

    public static List<ReportBadge> parse(String reportsJson) {
        List<ReportBadge> out = new ArrayList<>();
        if (reportsJson == null || reportsJson.isBlank()) return out;
        JsonNode reports;
        try {
            reports = JSON.readTree(reportsJson);
        } catch (JacksonException e) {
            return out;
        }
        if (reports == null || !reports.isObject()) return out;
        for (String analyzer : reports.propertyNames()) {
            JsonNode taxonomies = reports.get(analyzer).get("taxonomies");
            if (taxonomies == null || !taxonomies.isArray()) continue;
            for (JsonNode t : taxonomies) out.add(badge(analyzer, t));
        }
        return out;
    }

    /** The taxonomies of one job's report as Cortex sends it ({@code {summary: {taxonomies: [...]}}}). */
    public static List<ReportBadge> ofReport(String analyzer, JsonNode report) {
        List<ReportBadge> out = new ArrayList<>();
        JsonNode summary = report == null ? null : report.get("summary");
        JsonNode taxonomies = summary == null ? null : summary.get("taxonomies");
        if (taxonomies == null || !taxonomies.isArray()) return out;
        for (JsonNode t : taxonomies) out.add(badge(analyzer, t));
        return out;
    }

    private static ReportBadge badge(String analyzer, JsonNode t) {
        String level = text(t, "level").toLowerCase(Locale.ROOT);
        return new ReportBadge(analyzer, LEVELS.contains(level) ? level : "info", text(t, "namespace"), text(t, "predicate"),
                text(t, "value"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? "" : v.isString() ? v.stringValue() : v.toString();
    }
}
