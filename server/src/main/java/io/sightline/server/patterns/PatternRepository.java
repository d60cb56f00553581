package io.sightline.server.patterns;

import io.sightline.integrations.attack.AttackTechnique;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The only writer of {@code attack_pattern}. */
@Repository
public class PatternRepository {
    static final RowMapper<PatternRecord> ROW = (rs, i) -> new PatternRecord(rs.getLong("id"), rs.getString("pattern_id"),
            rs.getString("name"), tactics(rs.getString("tactics")), rs.getString("parent_id"), rs.getString("url"),
            rs.getString("description"), rs.getString("created_by"), rs.getLong("created_at"), rs.getString("updated_by"),
            rs.getObject("updated_at", Long.class));

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    public PatternRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM attack_pattern").query(Long.class).single();
    }

    public Optional<PatternRecord> findByPatternId(String patternId) {
        return jdbc.sql("SELECT * FROM attack_pattern WHERE pattern_id = ?").param(patternId).query(ROW).optional();
    }

    public Optional<PatternRecord> findById(long id) {
        return jdbc.sql("SELECT * FROM attack_pattern WHERE id = ?").param(id).query(ROW).optional();
    }

    public List<PatternRecord> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("SELECT * FROM attack_pattern WHERE id IN (:ids)").param("ids", ids).query(ROW).list();
    }

    /** Ordered by ATT&CK id, a page at a time. */
    public List<PatternRecord> list(int offset, int limit) {
        return jdbc.sql("SELECT * FROM attack_pattern ORDER BY pattern_id LIMIT ? OFFSET ?").params(limit, offset)
                .query(ROW).list();
    }

    /** Inserts the technique or updates the stored one of the same ATT&CK id; true when inserted. */
    public boolean upsert(AttackTechnique t, String actor, long now) {
        int updated = jdbc.sql("""
                UPDATE attack_pattern SET name = ?, tactics = ?, parent_id = ?, url = ?, description = ?, updated_by = ?,
                  updated_at = ? WHERE pattern_id = ?""")
                .params(t.name(), String.join(",", t.tactics()), t.parentId(), t.url(), t.description(), actor, now,
                        t.attackId())
                .update();
        if (updated > 0) return false;
        jdbc.sql("""
                INSERT INTO attack_pattern (pattern_id, name, tactics, parent_id, url, description, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(t.attackId(), t.name(), String.join(",", t.tactics()), t.parentId(), t.url(), t.description(),
                        actor, now)
                .update();
        return true;
    }

    /** Inserts many techniques in JDBC batches (an empty catalogue being filled at start). */
    public void insertAll(List<AttackTechnique> techniques, String actor, long now) {
        jdbcTemplate.batchUpdate("""
                INSERT INTO attack_pattern (pattern_id, name, tactics, parent_id, url, description, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", techniques, 200, (ps, t) -> {
            ps.setString(1, t.attackId());
            ps.setString(2, t.name());
            ps.setString(3, String.join(",", t.tactics()));
            ps.setString(4, t.parentId());
            ps.setString(5, t.url());
            ps.setString(6, t.description());
            ps.setString(7, actor);
            ps.setLong(8, now);
        });
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM attack_pattern WHERE id = ?").param(id).update();
    }

    private static List<String> tactics(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
