package io.sightline.server.observables;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.cases.CaseService;
import io.sightline.server.cases.CaseView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * TheHive 5's similarity routes: the cases sharing a case's values (OutputCaseWithLinks), the similar
 * observables of a case or an alert and another one (OutputObservable), and the merge of a case's
 * similar observables (OutputMergeCases).
 */
@RestController
public class SimilarObservablesController {
    private final SimilarObservables similar;
    private final SimilarObservableMerge merge;
    private final CaseService cases;

    public SimilarObservablesController(SimilarObservables similar, SimilarObservableMerge merge, CaseService cases) {
        this.similar = similar;
        this.merge = merge;
        this.cases = cases;
    }

    /** Each other case with {@code linkedWith} (this case's observables it shares) and {@code linksCount}. */
    @GetMapping("/api/v1/case/{caseId}/links")
    public List<Map<String, Object>> linkedCases(@PathVariable String caseId) {
        List<SimilarObservables.LinkedCase> linked = similar.linkedCases(CurrentPrincipal.get(), caseId);
        var customFields = cases.customFieldsOf(linked.stream().map(l -> l.linked().id()).toList());
        return linked.stream().map(l -> {
            Map<String, Object> out = new LinkedHashMap<>(CaseView.of(l.linked(), customFields.getOrDefault(l.linked().id(), List.of())));
            out.put("linkedWith", l.linkedWith().stream().map(ObservableView::of).toList());
            out.put("linksCount", l.linkedWith().size());
            return out;
        }).toList();
    }

    @GetMapping("/api/v1/case/{caseId}/similar/{alertOrCaseId}/observables")
    public List<Map<String, Object>> ofCase(@PathVariable String caseId, @PathVariable String alertOrCaseId) {
        return views(similar.between(CurrentPrincipal.get(), SimilarObservables.Holder.CASE, caseId, alertOrCaseId));
    }

    @GetMapping("/api/v1/alert/{alertId}/similar/{alertOrCaseId}/observables")
    public List<Map<String, Object>> ofAlert(@PathVariable String alertId, @PathVariable String alertOrCaseId) {
        return views(similar.between(CurrentPrincipal.get(), SimilarObservables.Holder.ALERT, alertId, alertOrCaseId));
    }

    @PostMapping("/api/v1/case/{caseId}/observable/_merge")
    public Map<String, Object> mergeSimilar(@PathVariable String caseId) {
        ObservableMergeOutcome outcome = merge.merge(CurrentPrincipal.get(), caseId);
        return Map.of("untouched", outcome.untouched(), "updated", outcome.updated(), "deleted", outcome.deleted());
    }

    private static List<Map<String, Object>> views(List<ObservableRecord> list) {
        return list.stream().map(ObservableView::of).toList();
    }
}
