package io.sightline.server.observables;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseService;
import io.sightline.server.common.Ids;
import io.sightline.server.common.ObservableTypes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TheHive 5's "merge similar observables" of a case ({@code POST /api/v1/case/{id}/observable/_merge}).
 * A case never holds the same type and value twice, so the similar observables of one case are
 * values that differ only in letter case where the type ignores it ({@link
 * ObservableTypes#ignoresLetterCase}): "Evil.example" and "evil.example". Each such group becomes
 * its oldest observable, which takes the others' tags, flags, the most restrictive TLP and PAP and
 * the earliest start; the others are deleted, their analyzer jobs and responder actions going to it
 * first ({@link AbsorbedObservables}). All in one transaction, each change audited.
 */
@Service
public class SimilarObservableMerge {
    private final ObservableRepository observables;
    private final CaseService cases;
    private final AuditLog audit;
    private final ObjectProvider<AbsorbedObservables> followers;
    private final Clock clock;

    public SimilarObservableMerge(ObservableRepository observables, CaseService cases, AuditLog audit,
                                  ObjectProvider<AbsorbedObservables> followers, Clock clock) {
        this.observables = observables;
        this.cases = cases;
        this.audit = audit;
        this.followers = followers;
        this.clock = clock;
    }

    @Transactional
    public ObservableMergeOutcome merge(Principal p, String caseRef) {
        p.require(Permission.MANAGE_OBSERVABLE);
        long caseId = cases.idOf(p, caseRef);
        int untouched = 0;
        int updated = 0;
        int deleted = 0;
        for (List<ObservableRecord> group : similarGroups(observables.ofCase(caseId))) {
            ObservableRecord kept = group.get(0);
            List<ObservableRecord> others = group.subList(1, group.size());
            ObservableRecord merged = absorb(kept, others, p.login(), clock.millis());
            if (merged.equals(kept)) {
                untouched++;
            } else {
                observables.update(merged);
                audit.record(p, "update", "observable", Ids.format(kept.id()), ObservableView.of(kept),
                        ObservableView.of(observables.findById(p.orgId(), kept.id()).orElseThrow()));
                updated++;
            }
            Map<Long, Long> keptByAbsorbed = new LinkedHashMap<>();
            others.forEach(o -> keptByAbsorbed.put(o.id(), kept.id()));
            followers.orderedStream().forEach(f -> f.absorbed(p, keptByAbsorbed, caseId));
            for (ObservableRecord o : others) {
                observables.delete(o.id());
                audit.record(p, "delete", "observable", Ids.format(o.id()), ObservableView.of(o), null);
                deleted++;
            }
        }
        return new ObservableMergeOutcome(untouched, updated, deleted);
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

    /**
     * The kept observable with what the others add (tags, the IOC and sighted flags, the most
     * restrictive TLP and PAP, the earliest start, a message when it has none), changed by
     * {@code by} at {@code now}; the same record when they add nothing. Also used by {@link ObservableMove}.
     */
    static ObservableRecord absorb(ObservableRecord kept, List<ObservableRecord> others, String by, long now) {
        if (others.isEmpty()) return kept;
        Set<String> tags = new LinkedHashSet<>(kept.tags());
        boolean ioc = kept.ioc();
        boolean sighted = kept.sighted();
        int tlp = kept.tlp();
        int pap = kept.pap();
        long startDate = kept.startDate();
        String message = kept.message();
        for (ObservableRecord o : others) {
            tags.addAll(o.tags());
            ioc |= o.ioc();
            sighted |= o.sighted();
            tlp = Math.max(tlp, o.tlp());
            pap = Math.max(pap, o.pap());
            startDate = Math.min(startDate, o.startDate());
            if (message == null || message.isBlank()) message = o.message();
        }
        boolean same = tags.size() == kept.tags().size() && ioc == kept.ioc() && sighted == kept.sighted()
                && tlp == kept.tlp() && pap == kept.pap() && startDate == kept.startDate() && Objects.equals(message, kept.message());
        if (same) return kept;
        return new ObservableRecord(kept.id(), kept.orgId(), kept.caseId(), kept.alertId(), kept.dataType(), kept.data(),
                kept.dataKey(), kept.attachment(), message, tlp, pap, ioc, sighted, kept.ignoreSimilarity(), startDate,
                kept.reports(), kept.createdBy(), kept.createdAt(), by, now, List.copyOf(tags));
    }
}
