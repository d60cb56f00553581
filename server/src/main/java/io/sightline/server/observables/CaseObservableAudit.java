package io.sightline.server.observables;

import io.sightline.server.audit.AuditBatch;
import io.sightline.server.audit.AuditLog;
import io.sightline.server.common.Ids;
import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit entries of the observables an import adds to a case: the entry the hub writes when an
 * analyst adds one (action {@code create}, the observable as the API shows it), by the import's
 * actor, in the transaction that adds them, one statement per batch ({@link AuditBatch}).
 * Observables an alert gets are the alert's own and are not audited one by one, as before.
 */
final class CaseObservableAudit {
    /** The entries of one batch, added as the observables are. */
    static final class Batch {
        private final AuditBatch entries;
        private final long orgId;
        private final long caseId;
        private final String actor;
        private final long now;

        private Batch(AuditBatch entries, long orgId, long caseId, String actor, long now) {
            this.entries = entries;
            this.orgId = orgId;
            this.caseId = caseId;
            this.actor = actor;
            this.now = now;
        }

        /** An observable the case did not have, now stored with this id. */
        void added(long id, ImportedObservable o) {
            entries.add(Ids.format(id), ObservableView.of(new ObservableRecord(id, orgId, caseId, null, o.dataType(), o.data(),
                    o.dataKey(), o.attachment(), o.message(), o.tlp(), 2, o.ioc(), false, false, o.startDate(), "{}", actor,
                    now, null, null, o.tags())));
        }

        /** Any database: one JDBC batch. */
        void write(JdbcTemplate jdbc) {
            entries.write(jdbc);
        }

        /** PostgreSQL: one statement. */
        void write(Connection c) throws SQLException {
            entries.write(c);
        }
    }

    private final AuditLog audit;

    CaseObservableAudit(AuditLog audit) {
        this.audit = audit;
    }

    Batch batch(long orgId, long caseId, String actor, long now) {
        return new Batch(audit.batch(orgId, caseId, actor, "create", "observable", now), orgId, caseId, actor, now);
    }
}
