package io.sightline.integrations.cortex;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/status}: component versions and public configuration. */
public record CortexStatus(Map<String, String> versions, JsonNode config) {

    public CortexStatus {
        versions = versions == null ? Map.of() : Map.copyOf(versions);
    }

    /** The Cortex version, e.g. "3.1.8-1", or null when the server did not say. */
    public String cortexVersion() {
        return versions.get("Cortex");
    }
}
