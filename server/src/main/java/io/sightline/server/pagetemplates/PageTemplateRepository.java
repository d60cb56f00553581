package io.sightline.server.pagetemplates;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The only writer of {@code page_template}. */
@Repository
public class PageTemplateRepository {
    private static final RowMapper<PageTemplateRecord> ROW = (rs, i) -> new PageTemplateRecord(rs.getLong("id"),
            rs.getLong("org_id"), rs.getString("title"), rs.getString("category"), rs.getString("content"),
            rs.getInt("page_order"), rs.getString("created_by"), rs.getLong("created_at"), rs.getString("updated_by"),
            rs.getObject("updated_at", Long.class));

    private final JdbcClient jdbc;

    public PageTemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(PageTemplateRecord t) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO page_template (org_id, title, category, content, page_order, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(t.orgId(), t.title(), t.category(), t.content(), t.order(), t.createdBy(), t.createdAt())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<PageTemplateRecord> findById(long orgId, long id) {
        return jdbc.sql("SELECT * FROM page_template WHERE org_id = ? AND id = ?").params(orgId, id).query(ROW).optional();
    }

    public List<PageTemplateRecord> ofOrganisation(long orgId) {
        return jdbc.sql("SELECT * FROM page_template WHERE org_id = ? ORDER BY page_order, id").param(orgId).query(ROW).list();
    }

    public void update(PageTemplateRecord t) {
        jdbc.sql("""
                UPDATE page_template SET title = ?, category = ?, content = ?, page_order = ?, updated_by = ?, updated_at = ?
                WHERE id = ?""")
                .params(t.title(), t.category(), t.content(), t.order(), t.updatedBy(), t.updatedAt(), t.id())
                .update();
    }

    /** The records with these ids, in no particular order (for query results). */
    public List<PageTemplateRecord> byIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("SELECT * FROM page_template WHERE id IN (:ids)").param("ids", ids).query(ROW).list();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM page_template WHERE id = ?").param(id).update();
    }
}
