package io.sightline.integrations.cortex;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The report of a finished job. On success: {@code full} (analyzer-specific), the summary
 * taxonomies, artifacts and operations. On failure: {@code errorMessage} (as the analyzer or
 * Cortex wrote it) and the {@code input}. {@code raw} is the report object exactly as received.
 */
public record CortexReport(
        boolean success,
        List<Taxonomy> taxonomies,
        JsonNode full,
        List<CortexArtifact> artifacts,
        List<JsonNode> operations,
        String errorMessage,
        JsonNode input,
        JsonNode raw) {

    public CortexReport {
        taxonomies = taxonomies == null ? List.of() : List.copyOf(taxonomies);
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        operations = operations == null ? List.of() : List.copyOf(operations);
    }
}
