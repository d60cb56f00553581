package io.sightline.testkit.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops the foreign keys, unique constraints and secondary indexes of some PostgreSQL tables before
 * a bulk load and restores them from their catalog definitions afterwards: building an index once
 * over loaded rows is far faster than updating it row by row, and the schema stays exactly what
 * the migrations made.
 */
final class DeferredIndexes {
    private final List<String> restore = new ArrayList<>();

    private DeferredIndexes() {}

    static DeferredIndexes drop(Connection db, List<String> tables) throws SQLException {
        DeferredIndexes deferred = new DeferredIndexes();
        String in = "('" + String.join("', '", tables) + "')";
        List<String> dropForeignKeys = new ArrayList<>();
        List<String> dropOthers = new ArrayList<>();
        List<String> addForeignKeys = new ArrayList<>();
        List<String> addOthers = new ArrayList<>();
        try (Statement s = db.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT conrelid::regclass::text, conname, contype, pg_get_constraintdef(oid)"
                    + " FROM pg_constraint WHERE contype IN ('f', 'u') AND conrelid::regclass::text IN " + in)) {
                while (rs.next()) {
                    boolean foreignKey = rs.getString(3).equals("f");
                    String table = rs.getString(1);
                    String name = rs.getString(2);
                    (foreignKey ? addForeignKeys : addOthers).add("ALTER TABLE " + table + " ADD CONSTRAINT " + name + " " + rs.getString(4));
                    (foreignKey ? dropForeignKeys : dropOthers).add("ALTER TABLE " + table + " DROP CONSTRAINT " + name);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN " + in
                    + " AND indexname NOT IN (SELECT conname FROM pg_constraint)")) {
                while (rs.next()) {
                    addOthers.add(rs.getString(2));
                    dropOthers.add("DROP INDEX " + rs.getString(1));
                }
            }
            // an index's own statistics targets (set by a migration on an expression) go with it and come back with it
            try (ResultSet rs = s.executeQuery("SELECT i.relname, a.attnum, a.attstattarget FROM pg_index x"
                    + " JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_attribute a ON a.attrelid = i.oid"
                    + " WHERE x.indrelid::regclass::text IN " + in + " AND a.attstattarget > 0")) {
                while (rs.next()) {
                    addOthers.add("ALTER INDEX " + rs.getString(1) + " ALTER COLUMN " + rs.getInt(2) + " SET STATISTICS " + rs.getInt(3));
                }
            }
            // Foreign keys depend on unique indexes: they are dropped first and restored last.
            for (String sql : dropForeignKeys) s.execute(sql);
            for (String sql : dropOthers) s.execute(sql);
        }
        deferred.restore.addAll(addOthers);
        deferred.restore.addAll(addForeignKeys);
        return deferred;
    }

    /** Rebuilds what {@link #drop} removed; returns the number of statements run. */
    int restore(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            for (String sql : restore) s.execute(sql);
        }
        return restore.size();
    }
}
