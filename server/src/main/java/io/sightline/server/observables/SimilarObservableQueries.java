package io.sightline.server.observables;

import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseVisibility;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where a case's or alert's values appear elsewhere in the organisation: each lookup joins the
 * observables on {@code (org_id, data_key)} and the data type (the {@code ix_observable_key} index,
 * as "seen in other cases" does), one statement for all the values, never one per observable.
 * Observables marked {@code ignoreSimilarity} count on neither side; a case hidden from the caller
 * ({@link CaseVisibility}) is never named.
 */
@Repository
class SimilarObservableQueries {
    /** The most cases {@code GET /api/v1/case/{id}/links} answers: those sharing the most values. */
    static final int MAX_LINKED_CASES = 500;

    private final JdbcClient jdbc;

    SimilarObservableQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The other cases the caller sees sharing values with the case, most shared values first (then
     * newest), each with the ids of the case's own observables it shares.
     */
    Map<Long, List<Long>> casesSharingValuesWith(Principal caller, long caseId) {
        String shared = """
                FROM observable o JOIN observable x ON x.org_id = o.org_id AND x.data_key = o.data_key AND x.data_type = o.data_type
                JOIN case_record xc ON xc.id = x.case_id
                WHERE o.org_id = :org AND o.case_id = :case AND x.case_id <> o.case_id
                  AND o.ignore_similarity = FALSE AND x.ignore_similarity = FALSE AND %s""".formatted(CaseVisibility.named("xc", "org", "user"));
        List<Long> top = jdbc.sql("SELECT x.case_id " + shared
                        + " GROUP BY x.case_id ORDER BY COUNT(DISTINCT o.id) DESC, x.case_id DESC LIMIT :limit")
                .param("org", caller.orgId()).param("user", caller.userId()).param("case", caseId).param("limit", MAX_LINKED_CASES)
                .query(Long.class).list();
        Map<Long, List<Long>> out = new LinkedHashMap<>();
        if (top.isEmpty()) return out;
        top.forEach(id -> out.put(id, new ArrayList<>()));
        jdbc.sql("SELECT DISTINCT x.case_id, o.id " + shared + " AND x.case_id IN (:cases) ORDER BY o.id")
                .param("org", caller.orgId()).param("user", caller.userId()).param("case", caseId).param("cases", top)
                .query((rs, i) -> out.get(rs.getLong(1)).add(rs.getLong(2))).list();
        return out;
    }

    /**
     * The ids of the observables of one case or alert ({@code owner} is {@code "case_id"} or {@code
     * "alert_id"}) whose data type and value the other case or alert also holds, in id order.
     */
    List<Long> sharedBetween(long orgId, String owner, long ownerId, String otherOwner, long otherId) {
        return jdbc.sql("SELECT o.id FROM observable o WHERE o.org_id = ? AND o." + owner + " = ? AND o.ignore_similarity = FALSE"
                        + " AND EXISTS (SELECT 1 FROM observable x WHERE x.org_id = o.org_id AND x.data_key = o.data_key"
                        + " AND x.data_type = o.data_type AND x." + otherOwner + " = ? AND x.ignore_similarity = FALSE)"
                        + " ORDER BY o.id")
                .params(orgId, ownerId, otherId).query(Long.class).list();
    }
}
