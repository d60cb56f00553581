package io.sightline.server.cases;

import io.sightline.server.common.TagRepository;
import io.sightline.server.attachments.AttachmentStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class CaseRepository {
    public static final String TAG_ENTITY = "case";
    public static final RowMapper<CaseRecord> ROW = (rs, i) -> new CaseRecord(rs.getLong("id"), rs.getLong("org_id"),
            rs.getLong("number"), rs.getString("title"), rs.getString("description"), rs.getInt("severity"),
            rs.getInt("tlp"), rs.getInt("pap"), rs.getBoolean("flag"), rs.getString("status"), rs.getLong("start_date"),
            (Long) rs.getObject("end_date", Long.class), rs.getString("assignee"), rs.getString("summary"),
            rs.getString("resolution_status"), rs.getString("impact_status"), rs.getString("created_by"),
            rs.getLong("created_at"), rs.getString("updated_by"), (Long) rs.getObject("updated_at", Long.class), List.of());

    private final JdbcClient jdbc;
    private final TagRepository tags;
    private final AttachmentStore attachments;

    public CaseRepository(JdbcClient jdbc, TagRepository tags, AttachmentStore attachments) {
        this.jdbc = jdbc;
        this.tags = tags;
        this.attachments = attachments;
    }

    public long insert(CaseRecord c) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO case_record (org_id, number, title, description, severity, tlp, pap, flag, status, start_date,
                  end_date, assignee, summary, resolution_status, impact_status, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.orgId(), c.number(), c.title(), c.description(), c.severity(), c.tlp(), c.pap(), c.flag(),
                        c.status(), c.startDate(), c.endDate(), c.assignee(), c.summary(), c.resolutionStatus(),
                        c.impactStatus(), c.createdBy(), c.createdAt())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        tags.addToNew(TAG_ENTITY, id, c.tags());
        return id;
    }

    /**
     * A case just inserted, as findById would read it: every column was written from the record, so
     * only the tags are read back, and only when there are several (their order is the database's).
     */
    public CaseRecord inserted(CaseRecord c, long id) {
        CaseRecord created = c.withId(id);
        return c.tags().size() > 1 ? created.withTags(tags.of(TAG_ENTITY, id)) : created;
    }

    public void update(CaseRecord c) {
        jdbc.sql("""
                UPDATE case_record SET title = ?, description = ?, severity = ?, tlp = ?, pap = ?, flag = ?, status = ?,
                  start_date = ?, end_date = ?, assignee = ?, summary = ?, resolution_status = ?, impact_status = ?,
                  updated_by = ?, updated_at = ?
                WHERE id = ?""")
                .params(c.title(), c.description(), c.severity(), c.tlp(), c.pap(), c.flag(), c.status(), c.startDate(),
                        c.endDate(), c.assignee(), c.summary(), c.resolutionStatus(), c.impactStatus(), c.updatedBy(),
                        c.updatedAt(), c.id())
                .update();
        tags.replace(TAG_ENTITY, c.id(), c.tags());
    }

    public Optional<CaseRecord> findById(long orgId, long id) {
        return withTags(jdbc.sql("SELECT * FROM case_record WHERE org_id = ? AND id = ?").params(orgId, id).query(ROW).optional());
    }

    public Optional<CaseRecord> findByNumber(long orgId, long number) {
        return withTags(jdbc.sql("SELECT * FROM case_record WHERE org_id = ? AND number = ?").params(orgId, number).query(ROW).optional());
    }

    /** The id of a case of the organisation, by id or number, without loading it. */
    public Optional<Long> idOf(long orgId, Long id, Long number) {
        return id != null
                ? jdbc.sql("SELECT id FROM case_record WHERE org_id = ? AND id = ?").params(orgId, id).query(Long.class).optional()
                : jdbc.sql("SELECT id FROM case_record WHERE org_id = ? AND number = ?").params(orgId, number).query(Long.class).optional();
    }

    public void delete(long id) {
        List<Long> files = attachments.usedBy("case_id", id);
        tags.deleteAll("observable", "SELECT id FROM observable WHERE case_id = ?", id);
        tags.deleteAll(TAG_ENTITY, id);
        jdbc.sql("UPDATE alert SET case_id = NULL WHERE case_id = ?").param(id).update();
        jdbc.sql("DELETE FROM observable WHERE case_id = ?").param(id).update();
        jdbc.sql("DELETE FROM case_record WHERE id = ?").param(id).update();
        attachments.release(files);
    }

    /** Loads the tags of a page of cases with one query. */
    /** The records with these ids, with their tags, in no particular order. */
    public List<CaseRecord> byIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return withTags(jdbc.sql("SELECT * FROM case_record WHERE id IN (:ids)").param("ids", ids).query(ROW).list());
    }

    /** The organisation's cases assigned to a user in one of the statuses, newest number first (without tags). */
    public io.sightline.server.common.FirstRows<CaseRecord> assignedTo(long orgId, String assignee, List<String> statuses, int limit) {
        List<Map.Entry<CaseRecord, Long>> rows = jdbc.sql("""
                SELECT c.*, COUNT(*) OVER () AS total FROM case_record c
                WHERE c.org_id = :org AND c.assignee = :assignee AND c.status IN (:statuses)
                ORDER BY c.number DESC LIMIT :limit""")
                .param("org", orgId).param("assignee", assignee).param("statuses", statuses).param("limit", limit)
                .query((rs, i) -> Map.entry(ROW.mapRow(rs, i), rs.getLong("total"))).list();
        return new io.sightline.server.common.FirstRows<>(rows.stream().map(Map.Entry::getKey).toList(),
                rows.isEmpty() ? 0 : rows.get(0).getValue());
    }

    public List<CaseRecord> withTags(List<CaseRecord> cases) {
        Map<Long, List<String>> all = tags.of(TAG_ENTITY, cases.stream().map(CaseRecord::id).toList());
        return cases.stream().map(c -> c.withTags(all.getOrDefault(c.id(), List.of()))).toList();
    }

    private Optional<CaseRecord> withTags(Optional<CaseRecord> c) {
        return c.map(x -> x.withTags(tags.of(TAG_ENTITY, x.id())));
    }
}
