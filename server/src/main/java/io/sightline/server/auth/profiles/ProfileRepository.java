package io.sightline.server.auth.profiles;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The only writer of {@code profile}. Permission names hold no comma, so they are stored comma-joined. */
@Repository
public class ProfileRepository {
    private static final RowMapper<ProfileRecord> ROW = (rs, i) -> new ProfileRecord(rs.getLong("id"), rs.getString("name"),
            split(rs.getString("permissions")), rs.getBoolean("built_in"), rs.getString("created_by"),
            rs.getLong("created_at"), rs.getString("updated_by"), (Long) rs.getObject("updated_at", Long.class));
    private final JdbcClient jdbc;

    public ProfileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ProfileRecord> all() {
        return jdbc.sql("SELECT * FROM profile ORDER BY id").query(ROW).list();
    }

    public List<ProfileRecord> byIds(List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("SELECT * FROM profile WHERE id IN (:ids)").param("ids", ids).query(ROW).list();
    }

    public Optional<ProfileRecord> findById(long id) {
        return jdbc.sql("SELECT * FROM profile WHERE id = ?").param(id).query(ROW).optional();
    }

    public Optional<ProfileRecord> findByName(String name) {
        return jdbc.sql("SELECT * FROM profile WHERE LOWER(name) = LOWER(?)").param(name).query(ROW).optional();
    }

    public ProfileRecord create(String name, List<String> permissions, String by, long now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO profile (name, permissions, built_in, created_by, created_at) VALUES (?, ?, FALSE, ?, ?)")
                .params(name, String.join(",", permissions), by, now).update(keys, "id");
        return new ProfileRecord(keys.getKey().longValue(), name, permissions, false, by, now, null, null);
    }

    public void update(long id, String name, List<String> permissions, String by, long now) {
        jdbc.sql("UPDATE profile SET name = ?, permissions = ?, updated_by = ?, updated_at = ? WHERE id = ? AND built_in = FALSE")
                .params(name, String.join(",", permissions), by, now, id).update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM profile WHERE id = ? AND built_in = FALSE").param(id).update();
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
