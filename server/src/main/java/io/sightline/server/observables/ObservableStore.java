package io.sightline.server.observables;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Principal;
import io.sightline.server.common.SqlDialect;
import io.sightline.server.common.TagRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one writer of new rows of the {@code observable} table and of their tags, for the API (one
 * value at a time, {@link #create}) and for importing connectors (thousands, {@link ObservableBatch}
 * commands), with one strategy per database family: PostgreSQL's set-based statements (one
 * statement per call, {@code unnest}ed arrays, {@code ON CONFLICT} on the partial unique indexes),
 * or portable JDBC on H2. Every method runs in the caller's transaction, if any.
 */
@Component
public class ObservableStore {
    private final NewObservableWriter single;
    private final ObservableBatchWriter batches;
    private final JdbcClient jdbc;
    private final TagRepository tags;

    ObservableStore(SqlDialect dialect, JdbcTemplate template, JdbcClient jdbc, ObservableRepository observables,
                    TagRepository tags, AuditLog audit) {
        CaseObservableAudit caseAudit = new CaseObservableAudit(audit);
        if (dialect.postgres()) {
            this.single = new PostgresNewObservableWriter(template, audit);
            this.batches = new PostgresObservableBatchWriter(template, caseAudit);
        } else {
            this.single = new PortableNewObservableWriter(jdbc, observables, tags, audit);
            this.batches = new PortableObservableBatchWriter(template, caseAudit);
        }
        this.jdbc = jdbc;
        this.tags = tags;
    }

    /** One observable of the API: see {@link NewObservableWriter#create}. */
    NewObservableWriter.Written create(Principal p, ObservableRecord o) {
        return single.create(p, o);
    }

    /** Whether {@link #create} is a single statement, hence atomic even outside a transaction. */
    boolean createIsOneStatement() {
        return single.oneStatement();
    }

    public void write(ObservableBatch.IntoAlerts command) {
        if (!command.chunks().isEmpty()) batches.upsertIntoAlerts(command);
    }

    public void write(ObservableBatch.IntoCase command) {
        if (!command.observables().isEmpty()) batches.addToCase(command);
    }

    /**
     * Removes an alert's imported observables that the import marked {@code mark} did not see
     * (their source deleted them), with their tags.
     *
     * @return how many were removed
     */
    public int removeUnmarked(long alertId, long mark) {
        String stale = "SELECT id FROM observable WHERE alert_id = ? AND misp_sync IS NOT NULL AND misp_sync <> ?";
        tags.deleteAll(ObservableRepository.TAG_ENTITY, stale, alertId, mark);
        return jdbc.sql("DELETE FROM observable WHERE alert_id = ? AND misp_sync IS NOT NULL AND misp_sync <> ?")
                .params(alertId, mark).update();
    }
}
