package io.sightline.server.recordfiles;

import io.sightline.server.attachments.Attachment;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseVisibility;
import io.sightline.server.query.SqlCondition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The only writer of {@code record_file}; reads are scoped by organisation. */
@Repository
class RecordFileRepository {
    private static final String SELECT = """
            SELECT r.org_id, r.case_id, r.alert_id, r.created_by, r.created_at,
                   a.id, a.name, a.content_type, a.size, a.md5, a.sha1, a.sha256
            FROM record_file r JOIN attachment a ON a.id = r.id""";
    private static final RowMapper<Attachment> FILE = (rs, i) -> new Attachment(rs.getLong("id"), rs.getString("name"),
            rs.getString("content_type"), rs.getLong("size"), rs.getString("md5"), rs.getString("sha1"), rs.getString("sha256"));
    private static final RowMapper<RecordFile> ROW = (rs, i) -> new RecordFile(FILE.mapRow(rs, i), rs.getLong("org_id"),
            rs.getObject("case_id", Long.class), rs.getObject("alert_id", Long.class), rs.getString("created_by"),
            rs.getLong("created_at"));

    private final JdbcClient jdbc;

    RecordFileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Holder h, long attachmentId, String by, long at) {
        jdbc.sql("INSERT INTO record_file (id, org_id, case_id, alert_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(attachmentId, h.orgId(), h.caseId(), h.alertId(), by, at).update();
    }

    /** Moves every file of a case to another case of the same organisation; answers how many moved. */
    int moveCaseFiles(long orgId, long fromCaseId, long toCaseId) {
        return jdbc.sql("UPDATE record_file SET case_id = ? WHERE org_id = ? AND case_id = ?").params(toCaseId, orgId, fromCaseId).update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM record_file WHERE id = ?").param(id).update();
    }

    /** The holder's files in the order they were attached. */
    List<RecordFile> of(Holder h) {
        return jdbc.sql(SELECT + " WHERE " + h.where() + " ORDER BY r.created_at, r.id").params(h.params()).query(ROW).list();
    }

    /** One of the holder's files by its "~id" (given as a number) or by its content's SHA-256. */
    Optional<RecordFile> find(Holder h, long id, String sha256) {
        List<Object> params = h.params();
        params.add(id);
        params.add(sha256);
        return jdbc.sql(SELECT + " WHERE " + h.where() + " AND (r.id = ? OR a.sha256 = ?) ORDER BY r.id").params(params)
                .query(ROW).list().stream().findFirst();
    }

    /** Files by id whatever their organisation, for a caller that scoped the ids already (the query engine). */
    List<RecordFile> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql(SELECT + " WHERE r.id IN (:ids)").param("ids", ids).query(ROW).list();
    }

    /**
     * A file the caller sees in any record: attached to one of the organisation's cases, alerts or
     * to itself, the file of one of its observables, or of one of its task logs; a record in a case
     * hidden from the caller ({@link CaseVisibility}) does not count.
     */
    Optional<Attachment> visible(Principal caller, long id, String sha256) {
        SqlCondition file = CaseVisibility.belowCases("r", "r.case_id", caller);
        SqlCondition observable = CaseVisibility.belowCases("o", "o.case_id", caller);
        SqlCondition log = CaseVisibility.belowCases("l", "(SELECT k.case_id FROM task k WHERE k.id = l.task_id)", caller);
        List<Object> params = new ArrayList<>(List.of(id, sha256));
        params.addAll(file.params());
        params.addAll(observable.params());
        params.addAll(log.params());
        return jdbc.sql("SELECT a.* FROM attachment a WHERE (a.id = ? OR a.sha256 = ?) AND ("
                        + " EXISTS (SELECT 1 FROM record_file r WHERE r.id = a.id AND " + file.sql() + ")"
                        + " OR EXISTS (SELECT 1 FROM observable o WHERE o.attachment_id = a.id AND " + observable.sql() + ")"
                        + " OR EXISTS (SELECT 1 FROM task_log_attachment f JOIN task_log l ON l.id = f.log_id"
                        + " WHERE f.attachment_id = a.id AND " + log.sql() + ")) ORDER BY a.id")
                .params(params).query(FILE).list().stream().findFirst();
    }
}
