package io.sightline.server.observables;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Principal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.LinkedHashSet;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL: the owner check, the duplicate check, the observable, its tags and its audit entry
 * in a single statement (data-modifying CTEs), so that adding an observable costs one round trip
 * plus the commit. A concurrent insert of the same value meets ON CONFLICT and is reported as
 * already there, like a value found by the check.
 */
final class PostgresNewObservableWriter implements NewObservableWriter {
    /**
     * The audit entry holds the observable as the API shows it, whose first field is its id: the
     * JSON is rendered with a placeholder id and the statement puts the real one in its place.
     */
    private static final String ID_PLACEHOLDER = "{\"_id\":\"~0\",";

    private static final String STATEMENT = """
            WITH parent AS (
              SELECT id FROM %1$s WHERE id = ? AND org_id = ?
            ), created AS (
              INSERT INTO observable (org_id, case_id, alert_id, data_type, data, data_key, attachment_id, message, tlp, pap,
                ioc, sighted, ignore_similarity, start_date, reports, created_by, created_at)
              SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM parent
              ON CONFLICT (%2$s, data_type, data_key) WHERE %2$s IS NOT NULL DO NOTHING
              RETURNING id
            ), tagged AS (
              INSERT INTO entity_tag (entity, entity_id, tag)
              SELECT 'observable', created.id, t.tag FROM created CROSS JOIN unnest(?::varchar[]) AS t(tag)
            ), audited AS (
              INSERT INTO audit_log (org_id, actor, action, entity, entity_id, before_json, after_json, at)
              SELECT ?, ?, 'create', 'observable', '~' || created.id, NULL, '{"_id":"~' || created.id || '",' || ?, ?
              FROM created
            )
            SELECT EXISTS (SELECT 1 FROM parent), (SELECT id FROM created)""";

    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    PostgresNewObservableWriter(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public boolean oneStatement() {
        return true;
    }

    @Override
    public Written create(Principal p, ObservableRecord o) {
        Owner owner = Owner.of(o);
        String json = audit.json(ObservableView.of(o.withId(0)));
        if (!json.startsWith(ID_PLACEHOLDER)) throw new IllegalStateException("The observable view no longer starts with its id");
        String afterId = json.substring(ID_PLACEHOLDER.length());
        String sql = STATEMENT.formatted(owner.table(), owner.column());
        return jdbc.execute((ConnectionCallback<Written>) c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 0;
                ps.setLong(++i, Owner.id(o));
                ps.setLong(++i, p.orgId());
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
                ps.setLong(++i, p.orgId());
                ps.setString(++i, p.login());
                ps.setString(++i, afterId);
                ps.setLong(++i, o.createdAt());
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
