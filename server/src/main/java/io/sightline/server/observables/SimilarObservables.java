package io.sightline.server.observables;

import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.cases.CaseRepository;
import io.sightline.server.cases.CaseService;
import io.sightline.server.common.Ids;
import io.sightline.server.core.NotFound;
import io.sightline.server.query.QuerySource;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Similarity between the records of an organisation, as TheHive computes it: two observables are
 * similar when they have the same data type and value (a file: the same content). Every case and
 * alert is looked up in the caller's organisation; one of another organisation, or a case hidden
 * from the caller, is not found and never listed.
 */
@Service
public class SimilarObservables {
    /** A case or an alert, the two holders of observables. */
    public enum Holder {
        CASE("case_id", "Case"), ALERT("alert_id", "Alert");

        final String column;
        final String label;

        Holder(String column, String label) {
            this.column = column;
            this.label = label;
        }

        Holder other() {
            return this == CASE ? ALERT : CASE;
        }
    }

    /** Another case sharing values with a case: the case, and the first case's observables it shares. */
    public record LinkedCase(CaseRecord linked, List<ObservableRecord> linkedWith) {}

    private final SimilarObservableQueries queries;
    private final ObservableRepository observables;
    private final CaseService cases;
    private final CaseRepository caseRecords;

    public SimilarObservables(SimilarObservableQueries queries, ObservableRepository observables, CaseService cases,
                              CaseRepository caseRecords) {
        this.queries = queries;
        this.observables = observables;
        this.cases = cases;
        this.caseRecords = caseRecords;
    }

    /**
     * The other cases of the organisation holding a value of the case (TheHive's "linked cases"),
     * those sharing the most values first, at most {@link SimilarObservableQueries#MAX_LINKED_CASES}.
     */
    public List<LinkedCase> linkedCases(Principal p, String caseRef) {
        long caseId = cases.idOf(p, caseRef);
        Map<Long, List<Long>> shared = queries.casesSharingValuesWith(p, caseId);
        if (shared.isEmpty()) return List.of();
        Map<Long, ObservableRecord> own = byId(shared.values().stream().flatMap(List::stream).distinct().toList());
        List<Long> ids = List.copyOf(shared.keySet());
        return QuerySource.inOrderOf(ids, caseRecords.byIds(ids), CaseRecord::id).stream()
                .map(c -> new LinkedCase(c, shared.get(c.id()).stream().map(own::get).toList()))
                .toList();
    }

    /**
     * The observables of a case or alert whose value the other one also holds, in the order they were
     * added. {@code otherRef} is a case number, or a "~id" taken as a record of the base's own kind
     * when the organisation has one by that id (and it is not the base itself), else of the other kind.
     */
    public List<ObservableRecord> between(Principal p, Holder base, String baseRef, String otherRef) {
        p.require(Permission.READ);
        long baseId = holderId(p, base, baseRef);
        Holder otherKind;
        long otherId;
        if (!Ids.looksLikeId(otherRef)) {
            otherKind = Holder.CASE;
            otherId = cases.idOf(p, otherRef);
        } else {
            otherId = Ids.parse(otherRef, "Case or alert");
            if (otherId != baseId && exists(p, base, otherId)) otherKind = base;
            else if (exists(p, base.other(), otherId)) otherKind = base.other();
            else throw new NotFound("Case or alert " + otherRef + " not found");
        }
        List<Long> ids = queries.sharedBetween(p.orgId(), base.column, baseId, otherKind.column, otherId);
        return QuerySource.inOrderOf(ids, observables.byIds(ids), ObservableRecord::id);
    }

    private long holderId(Principal p, Holder kind, String ref) {
        if (kind == Holder.CASE) return cases.idOf(p, ref);
        long id = Ids.parse(ref, kind.label);
        if (!exists(p, kind, id)) throw new NotFound(kind.label + " " + ref + " not found");
        return id;
    }

    /** A case must be one the caller sees ({@link io.sightline.server.cases.CaseVisibility}), an alert one of the organisation. */
    private boolean exists(Principal p, Holder kind, long id) {
        if (kind == Holder.CASE) return caseRecords.idOf(p, id, null).isPresent();
        return observables.parentExists(p, null, id);
    }

    private Map<Long, ObservableRecord> byId(List<Long> ids) {
        Map<Long, ObservableRecord> out = new java.util.HashMap<>();
        for (ObservableRecord o : observables.byIds(ids)) out.put(o.id(), o);
        return out;
    }
}
