package io.sightline.server.web;

import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.connectors.cortex.CortexConnector;
import io.sightline.server.connectors.cortex.CortexAnalyzers;
import io.sightline.server.connectors.cortex.CortexJobRecord;
import io.sightline.server.connectors.cortex.CortexJobService;
import io.sightline.server.connectors.cortex.OfferedAnalyzer;
import io.sightline.server.observables.ObservableRecord;
import java.util.HashMap;
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
    /** What the analyzers slot renders: the analyzers offered, the jobs newest first, and whether the user may start a job. */
    public record Analyzers(List<OfferedAnalyzer> analyzers, List<CortexJobRecord> jobs, boolean canRun) {}

    private final CortexConnector connector;
    private final CortexAnalyzers analyzers;
    private final CortexJobService jobs;

    public AnalyzerRowExtension(CortexConnector connector, CortexAnalyzers analyzers, CortexJobService jobs) {
        this.connector = connector;
        this.analyzers = analyzers;
        this.jobs = jobs;
    }

    @Override
    public String slot() {
        return ANALYZERS;
    }

    @Override
    public Object data(Principal principal, ObservableRecord observable) {
        if (connector.health().snapshot().servers().isEmpty()) return null;
        // the same services as the REST API, for the session's user
        List<OfferedAnalyzer> offered = observable.dataType() == null ? List.of()
                : analyzersFor(principal, observable.dataType());
        return new Analyzers(offered, jobs.ofObservable(principal, "~" + observable.id()),
                principal.can(Permission.MANAGE_ANALYZE));
    }

    /** A page of rows: the analyzers once per type, the jobs of all rows with one query. */
    @Override
    public Map<Long, Object> data(Principal principal, List<ObservableRecord> observables) {
        Map<Long, Object> out = new HashMap<>();
        if (connector.health().snapshot().servers().isEmpty()) return out;
        Map<Long, List<CortexJobRecord>> jobsOf = jobs.ofObservables(principal, observables);
        boolean canRun = principal.can(Permission.MANAGE_ANALYZE);
        for (ObservableRecord o : observables) {
            List<OfferedAnalyzer> offered = o.dataType() == null ? List.of() : analyzersFor(principal, o.dataType());
            out.put(o.id(), new Analyzers(offered, jobsOf.getOrDefault(o.id(), List.of()), canRun));
        }
        return out;
    }

    /** Asks Cortex once per data type and page, not once per row. */
    @SuppressWarnings("unchecked")
    private List<OfferedAnalyzer> analyzersFor(Principal principal, String dataType) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) return analyzers.forDataType(principal, dataType);
        String key = AnalyzerRowExtension.class.getName() + ":" + dataType;
        Object cached = request.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
        if (cached != null) return (List<OfferedAnalyzer>) cached;
        List<OfferedAnalyzer> found = analyzers.forDataType(principal, dataType);
        request.setAttribute(key, found, RequestAttributes.SCOPE_REQUEST);
        return found;
    }
}
