package io.sightline.server.intel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of the intel store (V5): reports, lookups and stats; the batch writes of objects are {@link IntelRows}. */
@Repository
class IntelRepository {
    /** The lookup query, shared with the intel-lookup benchmark. */
    public static final String SEEN_IN_INTEL_SQL = resource("seen-in-intel.sql");
    /** The same lookup for a table page of values at once. */
    static final String SEEN_IN_INTEL_BATCH_SQL = resource("seen-in-intel-batch.sql");

    /** One stored object, for {@code GET /api/v1/intel/object/{stixId}}. */
    public record StoredObject(String stixId, String type, String name, Long createdAt, Long modifiedAt, boolean revoked,
                               String rawJson, int rawChars) {}

    private final JdbcClient jdbc;
    public IntelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The row of a report of a dossier, created or renamed; returns its id. */
    public long upsertReport(String source, String dossierId, String dossierName, String reportId, String reportName, long now) {
        Optional<Long> existing = jdbc.sql("SELECT id FROM intel_report WHERE source = ? AND dossier_id = ? AND report_id = ?")
                .params(source, dossierId, reportId).query(Long.class).optional();
        if (existing.isPresent()) {
            jdbc.sql("UPDATE intel_report SET dossier_name = ?, report_name = ?, ingested_at = ? WHERE id = ?")
                    .params(dossierName, reportName, now, existing.get()).update();
            return existing.get();
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO intel_report (source, dossier_id, dossier_name, report_id, report_name, object_count, ingested_at)"
                        + " VALUES (?, ?, ?, ?, ?, 0, ?)")
                .params(source, dossierId, dossierName, reportId, reportName, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Forgets which objects a report holds, before it is delivered again. */
    public void clearLinks(long reportRef) {
        jdbc.sql("DELETE FROM intel_object_report WHERE report_ref = ?").param(reportRef).update();
    }

    public void setObjectCount(long reportRef, int count) {
        jdbc.sql("UPDATE intel_report SET object_count = ? WHERE id = ?").params(count, reportRef).update();
    }

    public List<IntelSighting> seenIn(String dataType, String dataKey, int limit) {
        return jdbc.sql(SEEN_IN_INTEL_SQL).params(dataKey, dataType, limit)
                .query((rs, i) -> new IntelSighting(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getObject(5, Long.class), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getLong(11)))
                .list();
    }

    /**
     * {@link #seenIn} of many values with one query: each value's first {@code limit} sightings in
     * the same order, by value; values with none are absent.
     */
    public Map<IntelKey, List<IntelSighting>> seenInAll(java.util.Collection<IntelKey> values, int limit) {
        Map<IntelKey, List<IntelSighting>> out = new LinkedHashMap<>();
        if (values.isEmpty()) return out;
        java.util.Set<IntelKey> wanted = java.util.Set.copyOf(values);
        jdbc.sql(SEEN_IN_INTEL_BATCH_SQL)
                .param("keys", wanted.stream().map(IntelKey::dataKey).distinct().toList()).param("limit", limit)
                .query(rs -> {
                    IntelKey key = new IntelKey(rs.getString(1), rs.getString(2));
                    if (!wanted.contains(key)) return; // the same hash under another type
                    out.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(new IntelSighting(rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getObject(7, Long.class), rs.getString(8),
                            rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getLong(13)));
                });
        return out;
    }

    public Optional<StoredObject> findObject(String stixId) {
        return jdbc.sql("SELECT stix_id, stix_type, name, created_at, modified_at, revoked, raw_json, raw_chars"
                        + " FROM intel_object WHERE stix_id = ?")
                .param(stixId)
                .query((rs, i) -> new StoredObject(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class),
                        rs.getObject(5, Long.class), rs.getBoolean(6), rs.getString(7), rs.getInt(8)))
                .optional();
    }

    /** Counts for {@code GET /api/v1/intel/stats}; {@code lastIngestedAt} is null before the first report. */
    public record Stats(long objects, Map<String, Long> objectsByType, long values, long reports, long dossiers,
                        Long lastIngestedAt) {}

    public Stats stats() {
        Map<String, Long> byType = new LinkedHashMap<>();
        jdbc.sql("SELECT stix_type, COUNT(*) FROM intel_object GROUP BY stix_type ORDER BY COUNT(*) DESC, stix_type")
                .query((rs, i) -> byType.put(rs.getString(1), rs.getLong(2))).list();
        return new Stats(count("SELECT COUNT(*) FROM intel_object"), byType, count("SELECT COUNT(*) FROM intel_value"),
                count("SELECT COUNT(*) FROM intel_report"),
                count("SELECT COUNT(*) FROM (SELECT DISTINCT source, dossier_id FROM intel_report) d"),
                jdbc.sql("SELECT MAX(ingested_at) FROM intel_report").query((rs, i) -> rs.getObject(1, Long.class)).list().get(0));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static String resource(String name) {
        try (InputStream in = IntelRepository.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
