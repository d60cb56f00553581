package io.sightline.server.web;

import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.connectors.cortex.CortexConnector;
import io.sightline.server.connectors.cortex.CortexJobs;
import io.sightline.server.observables.ObservableRecord;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Fills the "Run analyzers" slot: the analyzers of the configured Cortex servers that accept the
 * observable's type, and the observable's jobs, newest first. Nothing while no Cortex server is configured.
 */
@Component
public class AnalyzerRowExtension implements ObservableRowExtension {
    /**
     * What the analyzers slot renders: analyzers in the Cortex connector's shape, jobs in TheHive's,
     * and whether the user may start a job.
     */
    public record Analyzers(List<Map<String, Object>> analyzers, List<Map<String, Object>> jobs, boolean canRun) {}

    private final CortexConnector connector;
    private final CortexJobs cortex;

    public AnalyzerRowExtension(CortexConnector connector, CortexJobs cortex) {
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
        // the same service and views as the REST API, for the session's user
        List<Map<String, Object>> analyzers = observable.dataType() == null ? List.of()
                : analyzersFor(principal, observable.dataType());
        return new Analyzers(analyzers, cortex.ofObservable(principal, "~" + observable.id()),
                principal.can(Permission.MANAGE_ANALYZE));
    }

    /** Asks Cortex once per data type and page, not once per row. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> analyzersFor(Principal principal, String dataType) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) return cortex.analyzersFor(principal, dataType);
        String key = AnalyzerRowExtension.class.getName() + ":" + dataType;
        Object cached = request.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
        if (cached != null) return (List<Map<String, Object>>) cached;
        List<Map<String, Object>> found = cortex.analyzersFor(principal, dataType);
        request.setAttribute(key, found, RequestAttributes.SCOPE_REQUEST);
        return found;
    }
}
