package io.sightline.server.comments;

import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseVisibility;
import io.sightline.server.query.SqlCondition;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The only writer of {@code comment_record}. */
@Repository
public class CommentRepository {
    private static final RowMapper<CommentRecord> ROW = (rs, i) -> new CommentRecord(rs.getLong("id"),
            rs.getLong("org_id"), rs.getObject("case_id", Long.class), rs.getObject("alert_id", Long.class),
            rs.getString("message"), rs.getBoolean("external"), rs.getBoolean("is_edited"), rs.getString("created_by"),
            rs.getLong("created_at"), rs.getString("updated_by"), rs.getObject("updated_at", Long.class));

    private final JdbcClient jdbc;

    public CommentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(CommentRecord c) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO comment_record (org_id, case_id, alert_id, message, external, is_edited, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.orgId(), c.caseId(), c.alertId(), c.message(), c.external(), c.edited(), c.createdBy(),
                        c.createdAt())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** A comment the caller sees: of their organisation and not in a case hidden from them ({@link CaseVisibility}). */
    public Optional<CommentRecord> findVisible(Principal caller, long id) {
        SqlCondition visible = CaseVisibility.belowCases("m", "m.case_id", caller).and("m.id = ?", id);
        return jdbc.sql("SELECT * FROM comment_record m WHERE " + visible.sql()).params(visible.params()).query(ROW).optional();
    }

    /** Oldest first, as a conversation reads. */
    public List<CommentRecord> ofCase(long caseId) {
        return jdbc.sql("SELECT * FROM comment_record WHERE case_id = ? ORDER BY id").param(caseId).query(ROW).list();
    }

    /** {@code limit} comments of the case counted back from its newest (skipping {@code fromNewest}), oldest first. */
    public List<CommentRecord> latestOfCase(long caseId, long fromNewest, int limit) {
        return latest("case_id", caseId, fromNewest, limit);
    }

    public long countOfCase(long caseId) {
        return count("case_id", caseId);
    }

    /** As {@link #latestOfCase}, for an alert's comments. */
    public List<CommentRecord> latestOfAlert(long alertId, long fromNewest, int limit) {
        return latest("alert_id", alertId, fromNewest, limit);
    }

    public long countOfAlert(long alertId) {
        return count("alert_id", alertId);
    }

    /** {@code owner} is one of this class's own column names, never input. */
    private List<CommentRecord> latest(String owner, long ownerId, long fromNewest, int limit) {
        List<CommentRecord> page = new java.util.ArrayList<>(jdbc.sql("SELECT * FROM comment_record WHERE " + owner
                        + " = ? ORDER BY id DESC LIMIT ? OFFSET ?").params(ownerId, limit, fromNewest).query(ROW).list());
        java.util.Collections.reverse(page);
        return page;
    }

    private long count(String owner, long ownerId) {
        return jdbc.sql("SELECT COUNT(*) FROM comment_record WHERE " + owner + " = ?").param(ownerId).query(Long.class).single();
    }

    public List<CommentRecord> ofAlert(long alertId) {
        return jdbc.sql("SELECT * FROM comment_record WHERE alert_id = ? ORDER BY id").param(alertId).query(ROW).list();
    }

    public void update(CommentRecord c) {
        jdbc.sql("UPDATE comment_record SET message = ?, is_edited = ?, updated_by = ?, updated_at = ? WHERE id = ?")
                .params(c.message(), c.edited(), c.updatedBy(), c.updatedAt(), c.id())
                .update();
    }

    /** The records with these ids, in no particular order (for query results). */
    public List<CommentRecord> byIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("SELECT * FROM comment_record WHERE id IN (:ids)").param("ids", ids).query(ROW).list();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM comment_record WHERE id = ?").param(id).update();
    }

    /** Moves every comment of a case to another case of the organisation in one statement; answers the ids moved, in order. */
    public java.util.List<Long> moveToCase(long orgId, long fromCaseId, long toCaseId) {
        java.util.List<Long> ids = jdbc.sql("SELECT id FROM comment_record WHERE org_id = ? AND case_id = ? ORDER BY id")
                .params(orgId, fromCaseId).query(Long.class).list();
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE comment_record SET case_id = ? WHERE org_id = ? AND case_id = ?").params(toCaseId, orgId, fromCaseId).update();
        }
        return ids;
    }
}
