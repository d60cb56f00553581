package io.sightline.server.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Entries of one action by one actor on many records of one kind, written together in the
 * caller's transaction: a JDBC batch on any database, or one statement on PostgreSQL. Each entry
 * is the one {@link AuditLog#record} would write: the record as the API shows it after, and for a
 * change also before; all about the one case the batch was made for, or none.
 */
public final class AuditBatch {
    private static final String ROW = "INSERT INTO audit_log (org_id, actor, action, entity, entity_id, before_json, "
            + "after_json, at, case_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String ROWS = """
            INSERT INTO audit_log (org_id, actor, action, entity, entity_id, before_json, after_json, at, case_id)
            SELECT ?, ?, ?, ?, t.entity_id, t.before_json, t.after_json, ?, ?
            FROM unnest(?::varchar[], ?::varchar[], ?::varchar[]) AS t(entity_id, before_json, after_json)""";

    private final JsonMapper json;
    private final long orgId;
    private final Long caseId;
    private final String actor;
    private final String action;
    private final String entity;
    private final long at;
    private final List<String> entityIds = new ArrayList<>();
    private final List<String> befores = new ArrayList<>();
    private final List<String> afters = new ArrayList<>();

    AuditBatch(JsonMapper json, long orgId, Long caseId, String actor, String action, String entity, long at) {
        this.json = json;
        this.orgId = orgId;
        this.caseId = caseId;
        this.actor = actor;
        this.action = action;
        this.entity = entity;
        this.at = at;
    }

    /** One entry: the record {@code entityId} as it is after the action. */
    public void add(String entityId, Object after) {
        add(entityId, null, after);
    }

    /** One entry of a change: the record {@code entityId} before and after the action ({@code before} may be null). */
    public void add(String entityId, Object before, Object after) {
        entityIds.add(entityId);
        befores.add(before == null ? null : json.writeValueAsString(before));
        afters.add(json.writeValueAsString(after));
    }

    public boolean isEmpty() {
        return entityIds.isEmpty();
    }

    /** Any database: one JDBC batch. */
    public void write(JdbcTemplate jdbc) {
        if (entityIds.isEmpty()) return;
        List<Object[]> rows = new ArrayList<>(entityIds.size());
        for (int i = 0; i < entityIds.size(); i++) {
            rows.add(new Object[] {orgId, actor, action, entity, entityIds.get(i), befores.get(i), afters.get(i), at, caseId});
        }
        jdbc.batchUpdate(ROW, rows);
    }

    /** PostgreSQL: one statement, the entries passed as arrays. */
    public void write(Connection c) throws SQLException {
        if (entityIds.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(ROWS)) {
            ps.setLong(1, orgId);
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setString(4, entity);
            ps.setLong(5, at);
            if (caseId == null) ps.setNull(6, java.sql.Types.BIGINT);
            else ps.setLong(6, caseId);
            ps.setArray(7, c.createArrayOf("varchar", entityIds.toArray(String[]::new)));
            ps.setArray(8, c.createArrayOf("varchar", befores.toArray(String[]::new)));
            ps.setArray(9, c.createArrayOf("varchar", afters.toArray(String[]::new)));
            ps.executeUpdate();
        }
    }
}
