package io.sightline.testkit.cortex;

import io.sightline.integrations.http.HttpJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The summary the Crowdsec analyzer computes from its full report
 * ({@code Cortex-Analyzers: analyzers/Crowdsec/crowdsec_analyzer.py}, summary()): ASN, range
 * score and last-seen as info, one suspicious "Attack" per attack category, else "Not found".
 */
final class CrowdsecSummary {

    private static final String NAMESPACE = "Crowdsec";

    private CrowdsecSummary() {
    }

    static ObjectNode of(JsonNode raw) {
        ObjectNode summary = HttpJson.MAPPER.createObjectNode();
        ArrayNode taxonomies = summary.putArray("taxonomies");
        if (raw.has("as_name")) {
            add(taxonomies, "info", "ASN", raw.get("as_name"));
        }
        if (raw.has("ip_range_score")) {
            add(taxonomies, "info", "Score", raw.get("ip_range_score"));
        }
        if (raw.has("history")) {
            add(taxonomies, "info", "LastSeen", raw.path("history").path("last_seen"));
        }
        for (JsonNode attack : raw.path("attack_categories")) {
            add(taxonomies, "suspicious", "Attack", attack.path("name"));
        }
        if (taxonomies.isEmpty()) {
            taxonomies.addObject().put("level", "safe").put("namespace", NAMESPACE).put("predicate", "Threat")
                    .put("value", "Not found");
        }
        return summary;
    }

    private static void add(ArrayNode taxonomies, String level, String predicate, JsonNode value) {
        ObjectNode taxonomy = taxonomies.addObject();
        taxonomy.put("level", level);
        taxonomy.put("namespace", NAMESPACE);
        taxonomy.put("predicate", predicate);
        taxonomy.set("value", value.deepCopy());
    }
}
