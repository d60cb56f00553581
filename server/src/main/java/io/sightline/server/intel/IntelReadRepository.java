package io.sightline.server.intel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the intel pages: a report, a dossier, their objects and values a page at a time, the search. */
@Repository
class IntelReadRepository {
    private static final String REPORT_COLUMNS =
            "r.id, r.source, r.dossier_id, r.dossier_name, r.report_id, r.report_name, r.object_count, r.ingested_at";
    private static final RowMapper<IntelReport> REPORT = (rs, i) -> new IntelReport(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getLong(8));

    private final JdbcClient jdbc;

    IntelReadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<IntelReport> report(long ref) {
        return jdbc.sql("SELECT " + REPORT_COLUMNS + " FROM intel_report r WHERE r.id = ?").param(ref).query(REPORT).optional();
    }

    /** The newest reports of a dossier, at most {@code limit}. */
    List<IntelReport> reportsOf(String source, String dossierId, int limit) {
        return jdbc.sql("SELECT " + REPORT_COLUMNS + " FROM intel_report r WHERE r.source = ? AND r.dossier_id = ?"
                        + " ORDER BY r.ingested_at DESC, r.id DESC LIMIT ?")
                .params(source, dossierId, limit).query(REPORT).list();
    }

    /** The objects of the scope's reports, by type and id; {@code limit} rows from {@code offset}. */
    List<IntelObjectLine> objects(IntelScope scope, int offset, int limit) {
        return jdbc.sql("SELECT DISTINCT o.stix_type, o.stix_id, o.name, o.revoked, o.modified_at FROM intel_report r"
                        + " JOIN intel_object_report l ON l.report_ref = r.id JOIN intel_object o ON o.id = l.object_ref"
                        + " WHERE " + scope.condition() + " ORDER BY o.stix_type, o.stix_id LIMIT ? OFFSET ?")
                .params(with(scope.parameters(), limit, offset))
                .query((rs, i) -> new IntelObjectLine(rs.getString(2), rs.getString(1), rs.getString(3), rs.getBoolean(4),
                        rs.getObject(5, Long.class)))
                .list();
    }

    /** The observable values the scope's objects carry, by type and value; {@code limit} rows from {@code offset}. */
    List<IntelValue> values(IntelScope scope, int offset, int limit) {
        return jdbc.sql("SELECT DISTINCT v.data_type, v.data, v.data_key FROM intel_report r"
                        + " JOIN intel_object_report l ON l.report_ref = r.id JOIN intel_value v ON v.object_ref = l.object_ref"
                        + " WHERE " + scope.condition() + " ORDER BY v.data_type, v.data LIMIT ? OFFSET ?")
                .params(with(scope.parameters(), limit, offset))
                .query((rs, i) -> new IntelValue(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** Stored values with one of these keys, at most {@code limit}. */
    List<IntelValue> valuesWithKeys(Collection<String> keys, int limit) {
        return jdbc.sql("SELECT DISTINCT v.data_type, v.data, v.data_key FROM intel_value v WHERE v.data_key IN (:keys)"
                        + " ORDER BY v.data_type, v.data LIMIT :limit")
                .param("keys", keys).param("limit", limit)
                .query((rs, i) -> new IntelValue(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /**
     * Reports whose name or dossier name contains {@code pattern} (a LIKE pattern over lower-case
     * text, escaped with '!'), whose id is {@code id}, or whose objects carry a value with one of
     * {@code keys}; newest first.
     */
    List<IntelReport> search(String pattern, String id, Collection<String> keys, int offset, int limit) {
        return jdbc.sql("SELECT " + REPORT_COLUMNS + " FROM intel_report r"
                        + " WHERE LOWER(COALESCE(r.report_name, '')) LIKE :pattern ESCAPE '!'"
                        + " OR LOWER(COALESCE(r.dossier_name, '')) LIKE :pattern ESCAPE '!'"
                        + " OR LOWER(r.report_id) = :id OR LOWER(r.dossier_id) = :id"
                        + " OR r.id IN (SELECT l.report_ref FROM intel_value v JOIN intel_object_report l ON l.object_ref = v.object_ref"
                        + " WHERE v.data_key IN (:keys))"
                        + " ORDER BY r.ingested_at DESC, r.id DESC LIMIT :limit OFFSET :offset")
                .param("pattern", pattern).param("id", id).param("keys", keys).param("limit", limit).param("offset", offset)
                .query(REPORT).list();
    }

    /** The most recently delivered reports. */
    List<IntelReport> latest(int offset, int limit) {
        return jdbc.sql("SELECT " + REPORT_COLUMNS + " FROM intel_report r ORDER BY r.ingested_at DESC, r.id DESC LIMIT ? OFFSET ?")
                .params(limit, offset).query(REPORT).list();
    }

    private static Object[] with(Object[] first, Object... more) {
        List<Object> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray();
    }
}
