package io.sightline.server.pages;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The only writer of {@code case_page}. */
@Repository
public class PageRepository {
    private static final RowMapper<PageRecord> ROW = (rs, i) -> new PageRecord(rs.getLong("id"), rs.getLong("org_id"),
            rs.getLong("case_id"), rs.getString("title"), rs.getString("category"), rs.getString("content"),
            rs.getInt("page_order"), rs.getString("created_by"), rs.getLong("created_at"), rs.getString("updated_by"),
            rs.getObject("updated_at", Long.class));

    private final JdbcClient jdbc;

    public PageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(PageRecord p) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO case_page (org_id, case_id, title, category, content, page_order, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.orgId(), p.caseId(), p.title(), p.category(), p.content(), p.order(), p.createdBy(), p.createdAt())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The page, only if it belongs to that case of that organisation. */
    public Optional<PageRecord> find(long orgId, long caseId, long id) {
        return jdbc.sql("SELECT * FROM case_page WHERE org_id = ? AND case_id = ? AND id = ?")
                .params(orgId, caseId, id).query(ROW).optional();
    }

    /** In the case's reading order: by order, then oldest first. */
    public List<PageRecord> ofCase(long caseId) {
        return jdbc.sql("SELECT * FROM case_page WHERE case_id = ? ORDER BY page_order, id").param(caseId).query(ROW).list();
    }

    public void update(PageRecord p) {
        jdbc.sql("""
                UPDATE case_page SET title = ?, category = ?, content = ?, page_order = ?, updated_by = ?, updated_at = ?
                WHERE id = ?""")
                .params(p.title(), p.category(), p.content(), p.order(), p.updatedBy(), p.updatedAt(), p.id())
                .update();
    }

    /** The records with these ids, in no particular order (for query results). */
    public List<PageRecord> byIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("SELECT * FROM case_page WHERE id IN (:ids)").param("ids", ids).query(ROW).list();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM case_page WHERE id = ?").param(id).update();
    }

    /** Moves every page of a case to another case of the organisation in one statement; answers the ids moved, in order. */
    public java.util.List<Long> moveToCase(long orgId, long fromCaseId, long toCaseId) {
        java.util.List<Long> ids = jdbc.sql("SELECT id FROM case_page WHERE org_id = ? AND case_id = ? ORDER BY id")
                .params(orgId, fromCaseId).query(Long.class).list();
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE case_page SET case_id = ? WHERE org_id = ? AND case_id = ?").params(toCaseId, orgId, fromCaseId).update();
        }
        return ids;
    }
}
