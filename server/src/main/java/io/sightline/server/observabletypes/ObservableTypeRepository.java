package io.sightline.server.observabletypes;

import io.sightline.server.common.CustomObservableTypeSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The only writer of {@code observable_type}. */
@Repository
public class ObservableTypeRepository implements CustomObservableTypeSource {
    private static final RowMapper<ObservableTypeRecord> ROW = (rs, i) -> new ObservableTypeRecord(rs.getLong("id"),
            rs.getString("name"), rs.getBoolean("is_attachment"), false, rs.getString("created_by"), rs.getLong("created_at"));
    private final JdbcClient jdbc;

    public ObservableTypeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ObservableTypeRecord> all() {
        return jdbc.sql("SELECT * FROM observable_type ORDER BY name").query(ROW).list();
    }

    @Override
    public Map<String, Boolean> load() {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (ObservableTypeRecord r : all()) out.put(r.name(), r.isAttachment());
        return out;
    }

    public List<ObservableTypeRecord> byIds(List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("SELECT * FROM observable_type WHERE id IN (:ids)").param("ids", ids).query(ROW).list();
    }

    public Optional<ObservableTypeRecord> findById(long id) {
        return jdbc.sql("SELECT * FROM observable_type WHERE id = ?").param(id).query(ROW).optional();
    }

    public Optional<ObservableTypeRecord> findByName(String name) {
        return jdbc.sql("SELECT * FROM observable_type WHERE name = ?").param(name).query(ROW).optional();
    }

    public ObservableTypeRecord create(String name, boolean isAttachment, String by, long now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO observable_type (name, is_attachment, created_by, created_at) VALUES (?, ?, ?, ?)")
                .params(name, isAttachment, by, now).update(keys, "id");
        return new ObservableTypeRecord(keys.getKey().longValue(), name, isAttachment, false, by, now);
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM observable_type WHERE id = ?").param(id).update();
    }

    /** Whether any case or alert holds an observable of the type (read only; observables are their package's). */
    public boolean inUse(String name) {
        return !jdbc.sql("SELECT 1 FROM observable WHERE data_type = ? FETCH FIRST 1 ROWS ONLY").param(name)
                .query(Integer.class).list().isEmpty();
    }
}
