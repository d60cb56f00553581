package io.sightline.server.timeline;

import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseVisibility;
import io.sightline.server.query.SqlCondition;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The only writer of {@code custom_event}. */
@Repository
public class CustomEventRepository {
    private static final RowMapper<CustomEventRecord> ROW = (rs, i) -> new CustomEventRecord(rs.getLong("id"),
            rs.getLong("org_id"), rs.getLong("case_id"), rs.getLong("event_date"), rs.getObject("end_date", Long.class),
            rs.getString("title"), rs.getString("description"), rs.getString("created_by"), rs.getLong("created_at"),
            rs.getString("updated_by"), rs.getObject("updated_at", Long.class));

    private final JdbcClient jdbc;

    public CustomEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long orgId, long caseId, NewCustomEvent e, String createdBy, long now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO custom_event (org_id, case_id, event_date, end_date, title, description, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(orgId, caseId, e.date(), e.endDate(), e.title(), e.description(), createdBy, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** A custom event the caller sees: of their organisation and not in a case hidden from them ({@link CaseVisibility}). */
    public Optional<CustomEventRecord> findVisible(Principal caller, long id) {
        SqlCondition visible = CaseVisibility.belowCases("e", "e.case_id", caller).and("e.id = ?", id);
        return jdbc.sql("SELECT * FROM custom_event e WHERE " + visible.sql()).params(visible.params()).query(ROW).optional();
    }

    /** The case's most recent events first. */
    public List<CustomEventRecord> ofCase(long caseId, int limit) {
        return jdbc.sql("SELECT * FROM custom_event WHERE case_id = ? ORDER BY event_date DESC, id DESC LIMIT ?")
                .params(caseId, limit).query(ROW).list();
    }

    public void update(CustomEventRecord e) {
        jdbc.sql("""
                UPDATE custom_event SET event_date = ?, end_date = ?, title = ?, description = ?, updated_by = ?,
                  updated_at = ? WHERE id = ?""")
                .params(e.date(), e.endDate(), e.title(), e.description(), e.updatedBy(), e.updatedAt(), e.id())
                .update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM custom_event WHERE id = ?").param(id).update();
    }

    /** Moves every custom event of a case to another case of the organisation in one statement; answers the ids moved, in order. */
    public java.util.List<Long> moveToCase(long orgId, long fromCaseId, long toCaseId) {
        java.util.List<Long> ids = jdbc.sql("SELECT id FROM custom_event WHERE org_id = ? AND case_id = ? ORDER BY id")
                .params(orgId, fromCaseId).query(Long.class).list();
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE custom_event SET case_id = ? WHERE org_id = ? AND case_id = ?").params(toCaseId, orgId, fromCaseId).update();
        }
        return ids;
    }
}
