package io.sightline.server.observables;

import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseVisibility;
import io.sightline.server.intel.IntelScope;
import io.sightline.server.query.SqlCondition;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases and alerts of the caller's organisation whose observables carry a value of an intel
 * report or dossier: the reverse of "seen in intel" ({@link ObservableIntel}). Only the caller's
 * organisation is searched; file observables, matched by their hashes one at a time, are not.
 */
@Component
public class IntelMatches {
    /** Cases and alerts listed, those with the most matching observables first. */
    public static final int LIMIT = 100;

    // Hostnames and FQDNs are stored as STIX domains in the intel store (IntelObjectParser.intelType).
    private static final String SQL = """
            SELECT c.number, c.title, a.id, a.title, COUNT(DISTINCT o.id) AS hits
            FROM intel_report r
            JOIN intel_object_report l ON l.report_ref = r.id
            JOIN intel_value v ON v.object_ref = l.object_ref
            JOIN observable o ON o.org_id = ? AND o.data_key = v.data_key
              AND v.data_type = CASE WHEN o.data_type IN ('fqdn', 'hostname') THEN 'domain' ELSE o.data_type END
            LEFT JOIN case_record c ON c.id = o.case_id
            LEFT JOIN alert a ON a.id = o.alert_id
            WHERE (o.case_id IS NULL OR %s) AND %s
            GROUP BY c.number, c.title, a.id, a.title
            ORDER BY hits DESC, c.number DESC, a.id DESC
            LIMIT ?""";

    private final JdbcClient jdbc;

    public IntelMatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<IntelMatch> of(Principal p, IntelScope scope) {
        p.require(Permission.READ);
        SqlCondition visibleCase = CaseVisibility.of("c", p);
        List<Object> params = new ArrayList<>();
        params.add(p.orgId());
        params.addAll(visibleCase.params());
        params.addAll(List.of(scope.parameters()));
        params.add(LIMIT);
        return jdbc.sql(SQL.formatted(visibleCase.sql(), scope.condition())).params(params)
                .query((rs, i) -> rs.getObject(1) != null
                        ? new IntelMatch(IntelMatch.Kind.CASE, rs.getLong(1), rs.getString(2), rs.getInt(5))
                        : new IntelMatch(IntelMatch.Kind.ALERT, rs.getLong(3), rs.getString(4), rs.getInt(5)))
                .list();
    }
}
