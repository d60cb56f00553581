package io.sightline.server.cases;

import io.sightline.server.auth.Principal;
import io.sightline.server.query.SqlCondition;

/**
 * The one rule of who sees a case, as SQL over a {@code case_record} row: a case of the
 * organisation the caller acts in, and, when it is restricted, one that names the caller. Every
 * read of a case by a caller goes through it (the case routes and all routes below a case through
 * {@link CaseService}, the query API's cases and the records below them, the UI's lists, the home
 * page and the "seen in" lists), so a case hidden here is a 404 everywhere.
 */
public final class CaseVisibility {
    private CaseVisibility() {}

    /** The condition on the case row {@code alias}, binding the caller's organisation and user. */
    public static SqlCondition of(String alias, Principal caller) {
        return SqlCondition.of(sql(alias, "?", "?"), caller.orgId(), caller.userId());
    }

    /** The same rule for a statement that binds by name: {@code :orgParam} and {@code :userParam}. */
    public static String named(String alias, String orgParam, String userParam) {
        return sql(alias, ":" + orgParam, ":" + userParam);
    }

    /**
     * The same rule for the records below cases (observables, tasks, logs, comments, pages…): of
     * the caller's organisation, and not in a restricted case that does not name the caller.
     * {@code caseId} is the SQL of the record's case id over the row {@code alias} (null: no case).
     */
    public static SqlCondition belowCases(String alias, String caseId, Principal caller) {
        return SqlCondition.of(alias + ".org_id = ? AND " + notHiddenLive(caseId), caller.orgId(), caller.userId());
    }

    /**
     * The case whose id is the SQL {@code caseId} (null: no case) is not a restricted case that
     * does not name the user bound to both its parameters, nor was one when it was deleted: for
     * rows whose organisation is checked apart and that outlive their case (audit entries).
     */
    public static String notHidden(String caseId) {
        return notHiddenLive(caseId) + " AND NOT EXISTS (SELECT 1 FROM deleted_case_access dc WHERE dc.case_id = " + caseId
                + " AND NOT EXISTS (SELECT 1 FROM deleted_case_access du WHERE du.case_id = dc.case_id AND du.user_id = ?))";
    }

    /** {@link #notHidden} for a case that exists (records below a case go with it): the user bound to its one parameter. */
    private static String notHiddenLive(String caseId) {
        return "NOT EXISTS (SELECT 1 FROM case_record hc WHERE hc.id = " + caseId
                + " AND hc.restricted = TRUE AND NOT EXISTS (SELECT 1 FROM case_access_user ca WHERE ca.case_id = hc.id AND ca.user_id = ?))";
    }

    private static String sql(String alias, String org, String user) {
        return alias + ".org_id = " + org + " AND (" + alias + ".restricted = FALSE OR EXISTS (SELECT 1 FROM case_access_user ca"
                + " WHERE ca.case_id = " + alias + ".id AND ca.user_id = " + user + "))";
    }
}
