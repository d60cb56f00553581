package io.sightline.server.connectors.cortex;

import io.sightline.server.auth.Principal;
import io.sightline.server.cases.MergedCaseHandover;
import io.sightline.server.observables.AbsorbedObservables;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Analyzer jobs and responder actions follow a merge: those of an observable absorbed by another
 * go to the one absorbing it, and the responder actions run on an original case go to the merged
 * case, each re-pointing audited by its service.
 */
@Component
class CortexMergeFollower implements AbsorbedObservables, MergedCaseHandover {
    private final CortexJobService jobs;
    private final CortexActionService actions;

    CortexMergeFollower(CortexJobService jobs, CortexActionService actions) {
        this.jobs = jobs;
        this.actions = actions;
    }

    @Override
    public void absorbed(Principal p, Map<Long, Long> keptByAbsorbed, long caseId) {
        jobs.moveToObservables(p, keptByAbsorbed, caseId);
        actions.moveToObservables(p, keptByAbsorbed, caseId);
    }

    @Override
    public void handOver(Principal p, List<Long> originalIds, long mergedId) {
        actions.moveToCase(p, originalIds, mergedId);
    }
}
