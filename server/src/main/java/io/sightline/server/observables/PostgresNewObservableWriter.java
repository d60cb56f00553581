package io.sightline.server.observables;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.audit.EmbeddedAuditEntry;
import io.sightline.server.auth.Principal;
import io.sightline.server.query.SqlCondition;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL: the owner check (the caller may add to it), the duplicate check, the observable, its tags and its audit entry
 * in a single statement (data-modifying CTEs), so that adding an observable costs one round trip
 * plus the commit. A concurrent insert of the same value meets ON CONFLICT and is reported as
 * already there, like a value found by the check.
 */
final class PostgresNewObservableWriter implements NewObservableWriter {
    private static final String STATEMENT = """
            WITH parent AS (
              SELECT id FROM %1$s parent WHERE parent.id = ? AND %4$s
            ), created AS (
              INSERT INTO observable (org_id, case_id, alert_id, data_type, data, data_key, attachment_id, message, tlp, pap,
                ioc, sighted, ignore_similarity, start_date, reports, created_by, created_at)
              SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM parent
              ON CONFLICT (%2$s, data_type, data_key) WHERE %2$s IS NOT NULL DO NOTHING
              RETURNING id, case_id
            ), tagged AS (
              INSERT INTO entity_tag (entity, entity_id, tag)
              SELECT 'observable', created.id, t.tag FROM created CROSS JOIN unnest(?::varchar[]) AS t(tag)
            ), %3$s
            SELECT EXISTS (SELECT 1 FROM parent), (SELECT id FROM created)""";

    private final JdbcTemplate jdbc;
    /** The entry holds the observable as the API shows it, rendered with id 0 and given its real id by the statement. */
    private final EmbeddedAuditEntry audited;
    /** The statement per owner; the caller's condition has one text for everyone ({@link Owner#addableBy}). */
    private final Map<Owner, String> statements = new ConcurrentHashMap<>();

    PostgresNewObservableWriter(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audited = audit.embedded("create", "observable", "created", "'~' || created.id", "created.case_id",
                List.of(new EmbeddedAuditEntry.Field("\"_id\":\"~0\",", "'\"_id\":\"~' || created.id || '\",'")));
    }

    @Override
    public boolean oneStatement() {
        return true;
    }

    @Override
    public Written create(Principal p, ObservableRecord o) {
        Owner owner = Owner.of(o);
        SqlCondition addable = owner.addableBy(p);
        String sql = statements.computeIfAbsent(owner, x -> STATEMENT.formatted(x.table(), x.column(), audited.cte(), addable.sql()));
        return jdbc.execute((ConnectionCallback<Written>) c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 0;
                ps.setLong(++i, Owner.id(o));
                for (Object value : addable.params()) ps.setObject(++i, value);
                ps.setLong(++i, o.orgId());
                setLong(ps, ++i, o.caseId());
                setLong(ps, ++i, o.alertId());
                ps.setString(++i, o.dataType());
                ps.setString(++i, o.data());
                ps.setString(++i, o.dataKey());
                setLong(ps, ++i, o.attachment() == null ? null : o.attachment().id());
                ps.setString(++i, o.message());
                ps.setInt(++i, o.tlp());
                ps.setInt(++i, o.pap());
                ps.setBoolean(++i, o.ioc());
                ps.setBoolean(++i, o.sighted());
                ps.setBoolean(++i, o.ignoreSimilarity());
                ps.setLong(++i, o.startDate());
                ps.setString(++i, o.reports());
                ps.setString(++i, o.createdBy());
                ps.setLong(++i, o.createdAt());
                ps.setArray(++i, c.createArrayOf("varchar", new LinkedHashSet<>(o.tags()).toArray()));
                audited.bind(ps, ++i, p, ObservableView.of(o.withId(0)), o.createdAt());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) return Written.NO_SUCH_OWNER;
                    long id = rs.getLong(2);
                    return rs.wasNull() ? Written.ALREADY_THERE : Written.created(id);
                }
            }
        });
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws java.sql.SQLException {
        if (value == null) ps.setNull(index, Types.BIGINT);
        else ps.setLong(index, value);
    }
}
