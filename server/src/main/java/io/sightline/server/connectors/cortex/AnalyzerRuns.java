package io.sightline.server.connectors.cortex;

import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.common.Ids;
import io.sightline.server.core.DomainException;
import io.sightline.server.core.Invalid;
import io.sightline.server.observables.BulkOutcome;
import io.sightline.server.observables.ObservableRecord;
import io.sightline.server.observables.ObservableService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * "Run all": every analyzer that accepts an observable's type, on each of several observables, each
 * job started through {@link CortexJobService} (its permission and organisation rules). An observable
 * no analyzer accepts, or a job Cortex refuses, is reported and does not stop the others.
 */
@Service
public class AnalyzerRuns {
    public static final int MAX_OBSERVABLES = 200;

    private final CortexJobService jobs;
    private final CortexAnalyzers analyzers;
    private final ObservableService observables;

    AnalyzerRuns(CortexJobService jobs, CortexAnalyzers analyzers, ObservableService observables) {
        this.jobs = jobs;
        this.analyzers = analyzers;
        this.observables = observables;
    }

    /** Starts the jobs; {@code done} lists the jobs started, {@code refused} what was not started and why. */
    public BulkOutcome runAll(Principal p, List<Long> observableIds) {
        p.require(Permission.MANAGE_ANALYZE);
        if (observableIds.isEmpty()) throw new Invalid("Select at least one observable");
        if (observableIds.size() > MAX_OBSERVABLES) throw new Invalid("Run analyzers on at most " + MAX_OBSERVABLES + " observables at once");
        Map<String, List<OfferedAnalyzer>> byType = new HashMap<>(); // Cortex is asked once per type
        List<Long> started = new ArrayList<>();
        List<BulkOutcome.Refusal> refused = new ArrayList<>();
        for (long id : new LinkedHashSet<>(observableIds)) {
            ObservableRecord o;
            try {
                o = observables.get(p, Ids.format(id));
            } catch (DomainException e) {
                refused.add(new BulkOutcome.Refusal(id, Ids.format(id), e.getMessage()));
                continue;
            }
            String shown = o.shown();
            List<OfferedAnalyzer> accepting = byType.computeIfAbsent(o.dataType(), type -> analyzers.forDataType(p, type));
            if (accepting.isEmpty()) {
                refused.add(new BulkOutcome.Refusal(id, shown, "No analyzer accepts the type " + o.dataType()));
                continue;
            }
            for (OfferedAnalyzer a : accepting) {
                try {
                    started.add(jobs.create(p, new NewCortexJob(Ids.format(id), a.id(), a.cortexIds().get(0), null)).id());
                } catch (DomainException e) {
                    refused.add(new BulkOutcome.Refusal(id, shown, a.name() + ": " + e.getMessage()));
                }
            }
        }
        return new BulkOutcome(started, refused);
    }
}
