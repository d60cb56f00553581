package io.sightline.server.customfields;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The only writer of {@code custom_field_value}: one row per value, in the column of its type. */
@Repository
class CustomFieldValueRepository {
    private static final int CHUNK = 500;
    /** The typed columns in the order of the insert's parameters. */
    private static final List<String> TYPED_COLUMNS = List.of("string_value", "integer_value", "float_value", "boolean_value", "date_value");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    CustomFieldValueRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Replaces all values of the record by these, in one batch. */
    void replace(ValueOwner owner, List<CheckedValue> values) {
        jdbc.sql("DELETE FROM custom_field_value WHERE entity = ? AND entity_id = ?")
                .params(owner.kind().entity(), owner.id()).update();
        if (values.isEmpty()) return;
        List<Object[]> rows = new ArrayList<>(values.size());
        for (CheckedValue v : values) {
            Object[] typed = new Object[5];
            if (v.value() != null) typed[position(v.value().type())] = stored(v.value());
            rows.add(new Object[] {owner.kind().entity(), owner.id(), owner.orgId(), v.field().id(), v.order(),
                    typed[0], typed[1], typed[2], typed[3], typed[4], owner.id()});
        }
        template.batchUpdate("INSERT INTO custom_field_value (entity, entity_id, org_id, field_id, position, string_value, "
                + "integer_value, float_value, boolean_value, date_value, " + owner.kind().foreignKey() + ") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /** The values of many records of one kind, in one query per 500 records, each record's in order. */
    Map<Long, List<StoredValue>> of(ValueOwner.Kind kind, Collection<Long> ids) {
        Map<Long, List<StoredValue>> out = new HashMap<>();
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            jdbc.sql("""
                    SELECT v.*, f.name, f.type FROM custom_field_value v JOIN custom_field f ON f.id = v.field_id
                    WHERE v.entity = :entity AND v.entity_id IN (:ids) ORDER BY v.entity_id, v.position, v.id""")
                    .param("entity", kind.entity()).param("ids", all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .query((rs, i) -> out.computeIfAbsent(rs.getLong("entity_id"), k -> new ArrayList<>()).add(read(rs)))
                    .list();
        }
        return out;
    }

    long countOf(long fieldId) {
        return jdbc.sql("SELECT COUNT(*) FROM custom_field_value WHERE field_id = ?").param(fieldId).query(Long.class).single();
    }

    private static StoredValue read(ResultSet rs) throws SQLException {
        CustomFieldType type = CustomFieldType.parse(rs.getString("type"));
        return new StoredValue(rs.getLong("id"), rs.getString("name"), type, value(rs, type), rs.getInt("position"));
    }

    /** The value in the column of the field's type; a value written under another type (before a change of type) reads as none. */
    private static CustomFieldValue value(ResultSet rs, CustomFieldType type) throws SQLException {
        Object v = switch (type) {
            case STRING, URL -> rs.getString("string_value");
            case INTEGER -> rs.getObject("integer_value", Long.class);
            case FLOAT -> rs.getObject("float_value", Double.class);
            case BOOLEAN -> rs.getObject("boolean_value", Boolean.class);
            case DATE -> rs.getObject("date_value", Long.class);
        };
        if (v == null) return null;
        return switch (type) {
            case STRING -> new CustomFieldValue.Text((String) v);
            case URL -> new CustomFieldValue.Url((String) v);
            case INTEGER -> new CustomFieldValue.Whole((Long) v);
            case FLOAT -> new CustomFieldValue.Decimal((Double) v);
            case BOOLEAN -> new CustomFieldValue.Flag((Boolean) v);
            case DATE -> new CustomFieldValue.Date((Long) v);
        };
    }

    /** The column holding values of this type, which filters and sorts read. */
    static String column(CustomFieldType type) {
        return TYPED_COLUMNS.get(position(type));
    }

    private static int position(CustomFieldType type) {
        return switch (type) {
            case STRING, URL -> 0;
            case INTEGER -> 1;
            case FLOAT -> 2;
            case BOOLEAN -> 3;
            case DATE -> 4;
        };
    }

    private static Object stored(CustomFieldValue v) {
        return v.json();
    }
}
