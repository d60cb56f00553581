package io.sightline.server.intel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Intel rows on PostgreSQL: a batch is one statement per table, its rows passed as arrays
 * ({@code unnest} for writes, {@code = ANY} for reads), instead of one statement per row.
 *
 * <p>New objects are inserted with {@code ON CONFLICT (stix_id) DO NOTHING}: two hubs syncing
 * different dossiers can deliver the same object at the same time, and the second one then finds
 * the first one's row instead of failing its whole report on the unique id.
 *
 * <p>Each report's transaction plans these statements for their actual arguments
 * ({@code plan_cache_mode = force_custom_plan}): the driver prepares a statement on the server
 * after a few runs, and a generic plan made while the intel tables were nearly empty keeps being
 * used as they grow within a first sync, before any ANALYZE can see the new rows. Measured on an
 * empty store: a report of 20,000 new objects after a dozen small ones took about twice as long
 * without it; the former per-row batches with IN lists took four to ten times as long.
 */
final class PostgresIntelRows implements IntelRows {
    private static final String INSERT_OBJECTS = """
            INSERT INTO intel_object (stix_id, stix_type, name, description, created_at, modified_at, version_us, revoked,
              raw_json, raw_chars, stored_at)
            SELECT v.stix_id, v.stix_type, v.name, v.description, v.created_at, v.modified_at, v.version_us, v.revoked,
              v.raw_json, v.raw_chars, ?
            FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[], ?::bigint[],
              ?::boolean[], ?::varchar[], ?::int[])
              AS v(stix_id, stix_type, name, description, created_at, modified_at, version_us, revoked, raw_json, raw_chars)
            ON CONFLICT (stix_id) DO NOTHING
            RETURNING id, stix_id""";
    private static final String UPDATE_OBJECTS = """
            UPDATE intel_object AS o SET name = v.name, description = v.description, created_at = v.created_at,
              modified_at = v.modified_at, version_us = v.version_us, revoked = v.revoked, raw_json = v.raw_json,
              raw_chars = v.raw_chars, stored_at = ?
            FROM unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[], ?::bigint[], ?::boolean[],
              ?::varchar[], ?::int[])
              AS v(id, name, description, created_at, modified_at, version_us, revoked, raw_json, raw_chars)
            WHERE o.id = v.id AND (o.version_us IS NULL OR o.version_us < v.version_us)
            RETURNING o.id""";

    private final JdbcTemplate jdbc;

    PostgresIntelRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void beginReport() {
        jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
    }

    @Override
    public Map<String, Stored> findByStixIds(Collection<String> stixIds) {
        Map<String, Stored> out = new HashMap<>();
        if (stixIds.isEmpty()) return out;
        run("SELECT id, stix_id, version_us FROM intel_object WHERE stix_id = ANY(?::varchar[])", (c, ps) -> {
            ps.setArray(1, c.createArrayOf("varchar", stixIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(2), new Stored(rs.getLong(1), rs.getObject(3, Long.class)));
            }
            return null;
        });
        return out;
    }

    @Override
    public Map<String, Long> insertObjects(List<IntelObject> objects, long now) {
        if (objects.isEmpty()) return Map.of();
        return run(INSERT_OBJECTS, (c, ps) -> {
            ps.setLong(1, now);
            ps.setArray(2, array(c, "varchar", objects, IntelObject::stixId));
            ps.setArray(3, array(c, "varchar", objects, IntelObject::type));
            setVersionColumns(c, ps, 4, objects);
            Map<String, Long> ids = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.put(rs.getString(2), rs.getLong(1));
            }
            return ids;
        });
    }

    /** The columns a new version of an object sets, as arrays from parameter {@code first} on. */
    private static void setVersionColumns(Connection c, PreparedStatement ps, int first, List<IntelObject> objects) throws SQLException {
        ps.setArray(first, array(c, "varchar", objects, IntelObject::name));
        ps.setArray(first + 1, array(c, "varchar", objects, IntelObject::description));
        ps.setArray(first + 2, array(c, "bigint", objects, IntelObject::createdAt));
        ps.setArray(first + 3, array(c, "bigint", objects, IntelObject::modifiedAt));
        ps.setArray(first + 4, array(c, "bigint", objects, IntelObject::versionUs));
        ps.setArray(first + 5, array(c, "boolean", objects, IntelObject::revoked));
        ps.setArray(first + 6, array(c, "varchar", objects, IntelObject::rawJson));
        ps.setArray(first + 7, array(c, "int", objects, IntelObject::rawChars));
    }

    @Override
    public Set<Long> updateObjects(List<Long> ids, List<IntelObject> objects, long now) {
        if (objects.isEmpty()) return Set.of();
        return run(UPDATE_OBJECTS, (c, ps) -> {
            ps.setLong(1, now);
            ps.setArray(2, c.createArrayOf("bigint", ids.toArray()));
            setVersionColumns(c, ps, 3, objects);
            return longs(ps);
        });
    }

    @Override
    public void deleteValues(Collection<Long> objectRefs) {
        if (objectRefs.isEmpty()) return;
        run("DELETE FROM intel_value WHERE object_ref = ANY(?::bigint[])", (c, ps) -> {
            ps.setArray(1, c.createArrayOf("bigint", objectRefs.toArray()));
            return ps.executeUpdate();
        });
    }

    @Override
    public void insertValues(List<ValueRow> rows) {
        if (rows.isEmpty()) return;
        run("INSERT INTO intel_value (object_ref, data_type, data_key, data)"
                + " SELECT * FROM unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[])", (c, ps) -> {
            ps.setArray(1, array(c, "bigint", rows, ValueRow::objectRef));
            ps.setArray(2, array(c, "varchar", rows, r -> r.value().dataType()));
            ps.setArray(3, array(c, "varchar", rows, r -> r.value().dataKey()));
            ps.setArray(4, array(c, "varchar", rows, r -> r.value().data()));
            return ps.executeUpdate();
        });
    }

    @Override
    public Set<Long> linkedObjects(long reportRef, Collection<Long> objectRefs) {
        if (objectRefs.isEmpty()) return new HashSet<>();
        return run("SELECT object_ref FROM intel_object_report WHERE report_ref = ? AND object_ref = ANY(?::bigint[])", (c, ps) -> {
            ps.setLong(1, reportRef);
            ps.setArray(2, c.createArrayOf("bigint", objectRefs.toArray()));
            return longs(ps);
        });
    }

    @Override
    public void insertLinks(long reportRef, Collection<Long> objectRefs) {
        if (objectRefs.isEmpty()) return;
        run("INSERT INTO intel_object_report (object_ref, report_ref) SELECT r, ? FROM unnest(?::bigint[]) AS t(r)", (c, ps) -> {
            ps.setLong(1, reportRef);
            ps.setArray(2, c.createArrayOf("bigint", objectRefs.toArray()));
            return ps.executeUpdate();
        });
    }

    private interface Statement<T> {
        T run(Connection connection, PreparedStatement statement) throws SQLException;
    }

    /** Runs one statement on the connection of the current transaction. */
    private <T> T run(String sql, Statement<T> body) {
        return jdbc.execute((ConnectionCallback<T>) c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                return body.run(c, ps);
            }
        });
    }

    private static <R> java.sql.Array array(Connection c, String type, List<R> rows, Function<R, Object> column)
            throws SQLException {
        Object[] values = new Object[rows.size()];
        for (int i = 0; i < values.length; i++) values[i] = column.apply(rows.get(i));
        return c.createArrayOf(type, values);
    }

    private static Set<Long> longs(PreparedStatement ps) throws SQLException {
        Set<Long> out = new HashSet<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getLong(1));
        }
        return out;
    }
}
