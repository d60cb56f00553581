package io.sightline.server.intel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Intel rows with portable SQL (H2): JDBC batches for writes, one IN list for reads of many ids. */
final class PortableIntelRows implements IntelRows {
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    PortableIntelRows(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @Override
    public Map<String, Stored> findByStixIds(Collection<String> stixIds) {
        Map<String, Stored> out = new HashMap<>();
        if (stixIds.isEmpty()) return out;
        jdbc.sql("SELECT id, stix_id, version_us FROM intel_object WHERE stix_id IN (:ids)").param("ids", stixIds)
                .query((rs, i) -> out.put(rs.getString(2), new Stored(rs.getLong(1), rs.getObject(3, Long.class)))).list();
        return out;
    }

    @Override
    public Map<String, Long> insertObjects(List<IntelObject> objects, long now) {
        if (objects.isEmpty()) return Map.of();
        List<Object[]> rows = new ArrayList<>(objects.size());
        for (IntelObject o : objects) {
            rows.add(new Object[] {o.stixId(), o.type(), o.name(), o.description(), o.createdAt(), o.modifiedAt(), o.versionUs(),
                    o.revoked(), o.rawJson(), o.rawChars(), now});
        }
        batch.batchUpdate("INSERT INTO intel_object (stix_id, stix_type, name, description, created_at, modified_at, version_us,"
                + " revoked, raw_json, raw_chars, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        Map<String, Long> ids = new HashMap<>();
        findByStixIds(objects.stream().map(IntelObject::stixId).toList()).forEach((stixId, s) -> ids.put(stixId, s.id()));
        return ids;
    }

    @Override
    public Set<Long> updateObjects(List<Long> ids, List<IntelObject> objects, long now) {
        if (objects.isEmpty()) return Set.of();
        List<Object[]> rows = new ArrayList<>(objects.size());
        for (int i = 0; i < objects.size(); i++) {
            IntelObject o = objects.get(i);
            rows.add(new Object[] {o.name(), o.description(), o.createdAt(), o.modifiedAt(), o.versionUs(), o.revoked(),
                    o.rawJson(), o.rawChars(), now, ids.get(i), o.versionUs()});
        }
        int[] counts = batch.batchUpdate("UPDATE intel_object SET name = ?, description = ?,"
                + " created_at = ?, modified_at = ?, version_us = ?, revoked = ?, raw_json = ?, raw_chars = ?, stored_at = ?"
                + " WHERE id = ? AND (version_us IS NULL OR version_us < ?)", rows);
        Set<Long> replaced = new HashSet<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) replaced.add(ids.get(i));
        }
        return replaced;
    }

    @Override
    public void deleteValues(Collection<Long> objectRefs) {
        if (objectRefs.isEmpty()) return;
        jdbc.sql("DELETE FROM intel_value WHERE object_ref IN (:ids)").param("ids", objectRefs).update();
    }

    @Override
    public void insertValues(List<ValueRow> rows) {
        if (rows.isEmpty()) return;
        List<Object[]> args = new ArrayList<>(rows.size());
        for (ValueRow r : rows) args.add(new Object[] {r.objectRef(), r.value().dataType(), r.value().dataKey(), r.value().data()});
        batch.batchUpdate("INSERT INTO intel_value (object_ref, data_type, data_key, data) VALUES (?, ?, ?, ?)", args);
    }

    @Override
    public Set<Long> linkedObjects(long reportRef, Collection<Long> objectRefs) {
        Set<Long> out = new HashSet<>();
        if (objectRefs.isEmpty()) return out;
        jdbc.sql("SELECT object_ref FROM intel_object_report WHERE report_ref = :report AND object_ref IN (:ids)")
                .param("report", reportRef).param("ids", objectRefs)
                .query((rs, i) -> out.add(rs.getLong(1))).list();
        return out;
    }

    @Override
    public void insertLinks(long reportRef, Collection<Long> objectRefs) {
        if (objectRefs.isEmpty()) return;
        List<Object[]> rows = new ArrayList<>(objectRefs.size());
        for (Long ref : objectRefs) rows.add(new Object[] {ref, reportRef});
        batch.batchUpdate("INSERT INTO intel_object_report (object_ref, report_ref) VALUES (?, ?)", rows);
    }
}
