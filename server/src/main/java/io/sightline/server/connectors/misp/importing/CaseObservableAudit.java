package io.sightline.server.connectors.misp.importing;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.common.Ids;
import io.sightline.server.observables.ObservableRecord;
import io.sightline.server.observables.ObservableView;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit entries of the observables an import adds to a case: the entry the hub writes when an
 * analyst adds one (action {@code create}, the observable as the API shows it), by the import's
 * actor, in the transaction that adds them, one statement per batch. Observables an alert gets
 * are the alert's own and are not audited one by one, as before.
 */
final class CaseObservableAudit {
    private static final String ROW = "INSERT INTO audit_log (org_id, actor, action, entity, entity_id, before_json, "
            + "after_json, at) VALUES (?, ?, 'create', 'observable', ?, NULL, ?, ?)";
    private static final String ROWS = """
            INSERT INTO audit_log (org_id, actor, action, entity, entity_id, before_json, after_json, at)
            SELECT ?, ?, 'create', 'observable', t.entity_id, NULL, t.after_json, ?
            FROM unnest(?::varchar[], ?::varchar[]) AS t(entity_id, after_json)""";

    /** The entries of one batch, added as the observables are. */
    final class Batch {
        private final long orgId;
        private final long caseId;
        private final String actor;
        private final long now;
        private final List<String> entityIds = new ArrayList<>();
        private final List<String> afters = new ArrayList<>();

        private Batch(long orgId, long caseId, String actor, long now) {
            this.orgId = orgId;
            this.caseId = caseId;
            this.actor = actor;
            this.now = now;
        }

        /** An observable the case did not have, now stored with this id. */
        void added(long id, ImportedObservable o) {
            entityIds.add(Ids.format(id));
            afters.add(audit.json(ObservableView.of(new ObservableRecord(id, orgId, caseId, null, o.dataType(), o.data(),
                    o.dataKey(), o.attachment(), o.message(), o.tlp(), 2, o.ioc(), false, false, o.startDate(), "{}", actor,
                    now, null, null, o.tags()))));
        }

        /** Any database: one JDBC batch. */
        void write(JdbcTemplate jdbc) {
            if (entityIds.isEmpty()) return;
            List<Object[]> rows = new ArrayList<>(entityIds.size());
            for (int i = 0; i < entityIds.size(); i++) rows.add(new Object[] {orgId, actor, entityIds.get(i), afters.get(i), now});
            jdbc.batchUpdate(ROW, rows);
        }

        /** PostgreSQL: one statement, the entries passed as arrays. */
        void write(Connection c) throws SQLException {
            if (entityIds.isEmpty()) return;
            try (PreparedStatement ps = c.prepareStatement(ROWS)) {
                ps.setLong(1, orgId);
                ps.setString(2, actor);
                ps.setLong(3, now);
                ps.setArray(4, c.createArrayOf("varchar", entityIds.toArray(String[]::new)));
                ps.setArray(5, c.createArrayOf("varchar", afters.toArray(String[]::new)));
                ps.executeUpdate();
            }
        }
    }

    private final AuditLog audit;

    CaseObservableAudit(AuditLog audit) {
        this.audit = audit;
    }

    Batch batch(long orgId, long caseId, String actor, long now) {
        return new Batch(orgId, caseId, actor, now);
    }
}
