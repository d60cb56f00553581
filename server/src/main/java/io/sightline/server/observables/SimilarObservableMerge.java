package io.sightline.server.observables;

import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseService;
import io.sightline.server.common.ObservableTypes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TheHive 5's "merge similar observables" of a case ({@code POST /api/v1/case/{id}/observable/_merge}).
 * A case never holds the same type and value twice, so the similar observables of one case are
 * values that differ only in letter case where the type ignores it ({@link
 * ObservableTypes#ignoresLetterCase}): "Evil.example" and "evil.example". Each such group becomes
 * its oldest observable, which absorbs the others ({@link ObservableAbsorption}: tags, flags, the
 * most restrictive TLP and PAP, the earliest start, their analyzer jobs and responder actions).
 * All in one transaction, each change audited.
 */
@Service
public class SimilarObservableMerge {
    private final ObservableRepository observables;
    private final CaseService cases;
    private final ObservableAbsorption absorption;

    public SimilarObservableMerge(ObservableRepository observables, CaseService cases, ObservableAbsorption absorption) {
        this.observables = observables;
        this.cases = cases;
        this.absorption = absorption;
    }

    @Transactional
    public ObservableMergeOutcome merge(Principal p, String caseRef) {
        p.require(Permission.MANAGE_OBSERVABLE);
        long caseId = cases.idOf(p, caseRef);
        List<ObservableAbsorption.Group> groups = similarGroups(observables.ofCase(caseId)).stream()
                .map(g -> new ObservableAbsorption.Group(g.get(0), g.subList(1, g.size()))).toList();
        int updated = absorption.absorb(p, caseId, groups);
        int deleted = groups.stream().mapToInt(g -> g.absorbed().size()).sum();
        return new ObservableMergeOutcome(groups.size() - updated, updated, deleted);
    }

    /** The case's observables grouped by type and value as similarity reads them, oldest first in each group. */
    static List<List<ObservableRecord>> similarGroups(List<ObservableRecord> all) {
        Map<String, List<ObservableRecord>> groups = new LinkedHashMap<>();
        for (ObservableRecord o : all) {
            String value = o.data() == null ? "\0file:" + o.dataKey()
                    : ObservableTypes.ignoresLetterCase(o.dataType()) ? o.data().toLowerCase(Locale.ROOT) : o.data();
            groups.computeIfAbsent(o.dataType() + '\0' + value, k -> new ArrayList<>()).add(o);
        }
        return groups.values().stream().map(g -> g.stream().sorted(Comparator.comparingLong(ObservableRecord::id)).toList())
                .toList();
    }
}
