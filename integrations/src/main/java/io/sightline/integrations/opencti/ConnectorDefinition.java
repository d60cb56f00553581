package io.sightline.integrations.opencti;

import java.util.List;
import java.util.Objects;

/**
 * What a connector tells OpenCTI about itself in {@code registerConnector}. Only the fields of the
 * 6.x {@code RegisterConnectorInput} exist here, so the same registration works on 6.5 to 7.x.
 */
public record ConnectorDefinition(
        String id,
        String name,
        String type,
        List<String> scope,
        boolean auto,
        boolean autoUpdate,
        boolean onlyContextual,
        boolean playbookCompatible,
        String enrichmentResolution) {

    public ConnectorDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        scope = List.copyOf(scope);
        enrichmentResolution = enrichmentResolution == null ? "none" : enrichmentResolution;
    }

    /** An external-import connector with pycti's defaults for the flags irrelevant to it. */
    public static ConnectorDefinition externalImport(String id, String name, List<String> scope) {
        return new ConnectorDefinition(id, name, "EXTERNAL_IMPORT", scope, false, false, false, false, "none");
    }
}
