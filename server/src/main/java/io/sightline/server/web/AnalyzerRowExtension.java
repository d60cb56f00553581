package io.sightline.server.web;

import io.sightline.server.auth.Principal;
import io.sightline.server.connectors.cortex.CortexConnector;
import io.sightline.server.connectors.cortex.CortexController;
import io.sightline.server.observables.ObservableRecord;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Fills the "Run analyzers" slot: the analyzers of the configured Cortex servers that accept the
 * observable's type, and the observable's jobs, newest first. Nothing while no Cortex server is configured.
 */
@Component
public class AnalyzerRowExtension implements ObservableRowExtension {
    /** What the analyzers slot renders: analyzers in the Cortex connector's shape, jobs in TheHive's. */
    public record Analyzers(List<Map<String, Object>> analyzers, List<Map<String, Object>> jobs) {}

    private final CortexConnector connector;
    private final CortexController cortex;

    public AnalyzerRowExtension(CortexConnector connector, CortexController cortex) {
        this.connector = connector;
        this.cortex = cortex;
    }

    @Override
    public String slot() {
        return ANALYZERS;
    }

    @Override
    public Object data(Principal principal, ObservableRecord observable) {
        if (connector.health().snapshot().servers().isEmpty()) return null;
        // The controller reads the session user, as the REST API reads the key's: same rules, same views.
        List<Map<String, Object>> analyzers = observable.dataType() == null ? List.of() : cortex.analyzersFor(observable.dataType());
        return new Analyzers(analyzers, cortex.jobsOf("~" + observable.id()));
    }
}
