package io.sightline.integrations.cortex;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads Cortex job and report JSON. The {@code report} field is polymorphic (an object once the
 * job ended, a bare string such as "Running" before), so it is read from the tree by hand.
 */
public final class CortexJson {

    private final JsonMapper mapper;

    public CortexJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** A job object as {@code /report} or {@code /waitreport} sends it, report included. */
    public CortexJobReport jobReport(JsonNode node) {
        JsonNode reportNode = node.get("report");
        JsonNode jobNode = node;
        if (node instanceof ObjectNode object && reportNode != null) {
            jobNode = object.deepCopy();
            ((ObjectNode) jobNode).remove("report");
        }
        CortexJob job = mapper.treeToValue(jobNode, CortexJob.class);
        if (reportNode == null || !reportNode.isObject()) {
            return new CortexJobReport(job, null);
        }
        return new CortexJobReport(job, report(reportNode));
    }

    /** A report object: success with full/summary/artifacts/operations, or failure with errorMessage. */
    public CortexReport report(JsonNode node) {
        boolean success = node.path("success").asBoolean(false);
        List<Taxonomy> taxonomies = new ArrayList<>();
        for (JsonNode taxonomy : node.path("summary").path("taxonomies")) {
            taxonomies.add(mapper.treeToValue(taxonomy, Taxonomy.class));
        }
        List<CortexArtifact> artifacts = new ArrayList<>();
        for (JsonNode artifact : node.path("artifacts")) {
            artifacts.add(mapper.treeToValue(artifact, CortexArtifact.class));
        }
        List<JsonNode> operations = new ArrayList<>();
        node.path("operations").forEach(operations::add);
        JsonNode full = node.get("full");
        JsonNode errorMessage = node.get("errorMessage");
        return new CortexReport(success, taxonomies, full, artifacts, operations,
                errorMessage == null || errorMessage.isNull() ? null : errorMessage.asString(),
                node.get("input"), node);
    }

    /** Parses a report from text (e.g. a stored report). */
    public CortexReport report(String json) {
        try {
            return report(mapper.readTree(json));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a Cortex report: " + e.getOriginalMessage(), e);
        }
    }
}
