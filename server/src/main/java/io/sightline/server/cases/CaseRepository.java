package io.sightline.server.cases;

import io.sightline.server.attachments.AttachmentStore;
import io.sightline.server.auth.Principal;
import io.sightline.server.common.TagRepository;
import io.sightline.server.query.SqlCondition;
import java.util.ArrayList;
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
            rs.getLong("created_at"), rs.getString("updated_by"), (Long) rs.getObject("updated_at", Long.class), List.of(),
            // a restricted case's users are read with its tags (withTags)
            rs.getBoolean("restricted") ? CaseAccess.restrictedTo(List.of()) : CaseAccess.ORGANISATION);

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

    /** A case the caller sees ({@link CaseVisibility}), by id. */
    public Optional<CaseRecord> findById(Principal caller, long id) {
        return visible(caller, "c.id = ?", id).map(this::withTags);
    }

    /** A case the caller sees, by its number in the caller's organisation. */
    public Optional<CaseRecord> findByNumber(Principal caller, long number) {
        return visible(caller, "c.number = ?", number).map(this::withTags);
    }

    /** A case of the organisation by id, whoever it is restricted to: for the hub's own work (a Cortex job's case), never a caller's read. */
    public Optional<CaseRecord> findInOrganisation(long orgId, long id) {
        return withTags(jdbc.sql("SELECT * FROM case_record WHERE org_id = ? AND id = ?").params(orgId, id).query(ROW).optional());
    }

    private Optional<CaseRecord> visible(Principal caller, String condition, long value) {
        return visible(caller, "c.*", condition, value).query(ROW).optional();
    }

    /** The id of a case the caller sees, by id or number, without loading it. */
    public Optional<Long> idOf(Principal caller, Long id, Long number) {
        return id != null ? visible(caller, "c.id", "c.id = ?", id).query(Long.class).optional()
                : visible(caller, "c.id", "c.number = ?", number).query(Long.class).optional();
    }

    /** A select of the columns of the one case the caller sees that meets the condition on one value. */
    private JdbcClient.StatementSpec visible(Principal caller, String columns, String condition, long value) {
        SqlCondition rule = CaseVisibility.of("c", caller);
        List<Object> params = new ArrayList<>(rule.params());
        params.add(value);
        return jdbc.sql("SELECT " + columns + " FROM case_record c WHERE " + rule.sql() + " AND " + condition).params(params);
    }

    /** The ids among these of the cases the caller sees. */
    public java.util.Set<Long> visibleAmong(Principal caller, java.util.Collection<Long> ids) {
        if (ids.isEmpty()) return java.util.Set.of();
        SqlCondition rule = CaseVisibility.of("c", caller);
        List<Object> params = new ArrayList<>(rule.params());
        params.addAll(ids);
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        return new java.util.HashSet<>(jdbc.sql("SELECT c.id FROM case_record c WHERE " + rule.sql() + " AND c.id IN (" + marks + ")")
                .params(params).query(Long.class).list());
    }

    /** Makes the case seen by its whole organisation, or only by the users with these ids. */
    public void setAccess(long caseId, List<Long> userIds, String by, long at) {
        jdbc.sql("DELETE FROM case_access_user WHERE case_id = ?").param(caseId).update();
        for (long userId : userIds) {
            jdbc.sql("INSERT INTO case_access_user (case_id, user_id) VALUES (?, ?)").params(caseId, userId).update();
        }
        jdbc.sql("UPDATE case_record SET restricted = ?, updated_by = ?, updated_at = ? WHERE id = ?")
                .params(!userIds.isEmpty(), by, at, caseId).update();
    }

    public void delete(long id) {
        List<Long> files = attachments.usedBy("case_id", id);
        tags.deleteAll("observable", "SELECT id FROM observable WHERE case_id = ?", id);
        tags.deleteAll(TAG_ENTITY, id);
        jdbc.sql("UPDATE alert SET case_id = NULL WHERE case_id = ?").param(id).update();
        jdbc.sql("DELETE FROM observable WHERE case_id = ?").param(id).update();
        // whom a restricted case named outlives it, for its audit entries (CaseVisibility.notHidden)
        jdbc.sql("""
                INSERT INTO deleted_case_access (case_id, user_id)
                SELECT ca.case_id, ca.user_id FROM case_access_user ca JOIN case_record c ON c.id = ca.case_id
                WHERE ca.case_id = ? AND c.restricted = TRUE""").param(id).update();
        jdbc.sql("DELETE FROM case_record WHERE id = ?").param(id).update();
        attachments.release(files);
    }

    /** Loads the tags of a page of cases with one query. */
    /** The records with these ids, with their tags, in no particular order. */
    public List<CaseRecord> byIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return withTags(jdbc.sql("SELECT * FROM case_record WHERE id IN (:ids)").param("ids", ids).query(ROW).list());
    }

    /** The cases the caller sees that are assigned to them in one of the statuses, newest number first (without tags). */
    public io.sightline.server.common.FirstRows<CaseRecord> assignedTo(Principal caller, List<String> statuses, int limit) {
        SqlCondition rule = CaseVisibility.of("c", caller);
        List<Object> params = new ArrayList<>(rule.params());
        params.add(caller.login());
        params.addAll(statuses);
        params.add(limit);
        String statusMarks = String.join(", ", java.util.Collections.nCopies(statuses.size(), "?"));
        List<Map.Entry<CaseRecord, Long>> rows = jdbc.sql("SELECT c.*, COUNT(*) OVER () AS total FROM case_record c WHERE " + rule.sql()
                        + " AND c.assignee = ? AND c.status IN (" + statusMarks + ") ORDER BY c.number DESC LIMIT ?")
                .params(params)
                .query((rs, i) -> Map.entry(ROW.mapRow(rs, i), rs.getLong("total"))).list();
        return new io.sightline.server.common.FirstRows<>(rows.stream().map(Map.Entry::getKey).toList(),
                rows.isEmpty() ? 0 : rows.get(0).getValue());
    }

    /** The cases with their tags and, for the restricted ones, the logins they are restricted to: two queries for a page. */
    public List<CaseRecord> withTags(List<CaseRecord> cases) {
        Map<Long, List<String>> all = tags.of(TAG_ENTITY, cases.stream().map(CaseRecord::id).toList());
        Map<Long, List<String>> users = accessUsers(cases.stream().filter(c -> c.access().restricted()).map(CaseRecord::id).toList());
        return cases.stream().map(c -> withAccessUsers(c.withTags(all.getOrDefault(c.id(), List.of())), users)).toList();
    }

    private CaseRecord withTags(CaseRecord c) {
        return withTags(List.of(c)).get(0);
    }

    private Optional<CaseRecord> withTags(Optional<CaseRecord> c) {
        return c.map(this::withTags);
    }

    private static CaseRecord withAccessUsers(CaseRecord c, Map<Long, List<String>> users) {
        return c.access().restricted() ? c.withAccess(CaseAccess.restrictedTo(users.getOrDefault(c.id(), List.of()))) : c;
    }

    /** The logins each of these cases is restricted to, in login order. */
    private Map<Long, List<String>> accessUsers(List<Long> caseIds) {
        Map<Long, List<String>> out = new java.util.HashMap<>();
        if (caseIds.isEmpty()) return out;
        jdbc.sql("SELECT ca.case_id, u.login FROM case_access_user ca JOIN app_user u ON u.id = ca.user_id"
                        + " WHERE ca.case_id IN (:ids) ORDER BY u.login")
                .param("ids", caseIds)
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }
}
