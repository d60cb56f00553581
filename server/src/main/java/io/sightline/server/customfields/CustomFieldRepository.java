package io.sightline.server.customfields;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The only writer of {@code custom_field}. Options are kept as a JSON array of their values. */
@Repository
class CustomFieldRepository {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RowMapper<CustomFieldDefinition> row;

    CustomFieldRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.row = (rs, i) -> {
            CustomFieldType type = CustomFieldType.parse(rs.getString("type"));
            String name = rs.getString("name");
            return new CustomFieldDefinition(rs.getLong("id"), name, rs.getString("display_name"),
                    rs.getString("group_name"), rs.getString("description"), type,
                    options(name, type, rs.getString("options_json")), rs.getBoolean("mandatory"),
                    rs.getString("created_by"), rs.getLong("created_at"), rs.getString("updated_by"),
                    (Long) rs.getObject("updated_at", Long.class));
        };
    }

    long insert(CustomFieldDefinition d) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO custom_field (name, display_name, group_name, description, type, options_json, mandatory,
                  created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.name(), d.displayName(), d.group(), d.description(), d.type().json(), optionsJson(d.options()),
                        d.mandatory(), d.createdBy(), d.createdAt())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(CustomFieldDefinition d) {
        jdbc.sql("""
                UPDATE custom_field SET display_name = ?, group_name = ?, description = ?, type = ?, options_json = ?,
                  mandatory = ?, updated_by = ?, updated_at = ?
                WHERE id = ?""")
                .params(d.displayName(), d.group(), d.description(), d.type().json(), optionsJson(d.options()),
                        d.mandatory(), d.updatedBy(), d.updatedAt(), d.id())
                .update();
    }

    /** Deletes the definition; its values go with it (foreign key cascade). */
    void delete(long id) {
        jdbc.sql("DELETE FROM custom_field WHERE id = ?").param(id).update();
    }

    Optional<CustomFieldDefinition> findById(long id) {
        return jdbc.sql("SELECT * FROM custom_field WHERE id = ?").param(id).query(row).optional();
    }

    Optional<CustomFieldDefinition> findByName(String name) {
        return jdbc.sql("SELECT * FROM custom_field WHERE name = ?").param(name).query(row).optional();
    }

    List<CustomFieldDefinition> findByNames(Collection<String> names) {
        if (names.isEmpty()) return List.of();
        return jdbc.sql("SELECT * FROM custom_field WHERE name IN (:names)").param("names", names).query(row).list();
    }

    List<CustomFieldDefinition> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("SELECT * FROM custom_field WHERE id IN (:ids)").param("ids", ids).query(row).list();
    }

    List<CustomFieldDefinition> all() {
        return jdbc.sql("SELECT * FROM custom_field ORDER BY id").query(row).list();
    }

    private String optionsJson(List<CustomFieldValue> options) {
        return json.writeValueAsString(options.stream().map(CustomFieldValue::json).toList());
    }

    private List<CustomFieldValue> options(String field, CustomFieldType type, String text) {
        List<CustomFieldValue> out = new ArrayList<>();
        for (JsonNode n : json.readTree(text)) out.add(CustomFieldValue.parse(field, type, CustomFieldJson.raw(n)));
        return List.copyOf(out);
    }
}
