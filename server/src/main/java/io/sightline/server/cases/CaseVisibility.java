package io.sightline.server.cases;

import io.sightline.server.auth.Principal;
import io.sightline.server.query.SqlCondition;

/**
 * The one rule of who sees a case, as SQL over a {@code case_record} row: a case of the
 * organisation the caller acts in, and, when it is restricted, one that names the caller. Every
 * read of a case by a caller goes through it (the case routes and all routes below a case through
 * {@link CaseService}, the query API's cases, the UI's lists and the home page), so a case hidden
 * here is a 404 everywhere.
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

    private static String sql(String alias, String org, String user) {
        return alias + ".org_id = " + org + " AND (" + alias + ".restricted = FALSE OR EXISTS (SELECT 1 FROM case_access_user ca"
                + " WHERE ca.case_id = " + alias + ".id AND ca.user_id = " + user + "))";
    }
}
