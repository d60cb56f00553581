package io.sightline.server.web;

import io.sightline.server.observables.ObservableRepository;
import java.util.List;
import java.util.Map;

/**
 * An observable as its row shows it: the observable (TheHive's output shape), the other cases
 * holding the same value, its analyzer report badges, and what extensions put in their slots.
 */
public record ObservableRow(Map<String, Object> o, List<ObservableRepository.Sighting> seenIn, List<ReportBadge> badges,
                            Map<String, Object> extras) {
    public long id() {
        return Long.parseLong(String.valueOf(o.get("_id")).substring(1));
    }

    /** Whether an analyzer accepts the observable's type and the user may run it ("Run all" is offered). */
    public boolean analyzable() {
        return extras.get(ObservableRowExtension.ANALYZERS) instanceof AnalyzerRowExtension.Analyzers a
                && a.canRun() && !a.analyzers().isEmpty();
    }
}
