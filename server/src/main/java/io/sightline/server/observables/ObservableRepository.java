package io.sightline.server.observables;

import io.sightline.server.attachments.Attachment;
import io.sightline.server.attachments.AttachmentStore;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseVisibility;
import io.sightline.server.common.TagRepository;
import io.sightline.server.query.SqlCondition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ObservableRepository {
    public static final String TAG_ENTITY = "observable";
    public static final String SELECT = """
            SELECT o.*, a.name AS a_name, a.content_type AS a_type, a.size AS a_size, a.md5 AS a_md5, a.sha1 AS a_sha1,
                   a.sha256 AS a_sha256
            FROM observable o LEFT JOIN attachment a ON a.id = o.attachment_id""";
    public static final RowMapper<ObservableRecord> ROW = (rs, i) -> {
        Long attachmentId = rs.getObject("attachment_id", Long.class);
        Attachment att = attachmentId == null ? null : new Attachment(attachmentId, rs.getString("a_name"),
                rs.getString("a_type"), rs.getLong("a_size"), rs.getString("a_md5"), rs.getString("a_sha1"), rs.getString("a_sha256"));
        return new ObservableRecord(rs.getLong("id"), rs.getLong("org_id"), rs.getObject("case_id", Long.class),
                rs.getObject("alert_id", Long.class), rs.getString("data_type"), rs.getString("data"),
                rs.getString("data_key"), att, rs.getString("message"), rs.getInt("tlp"), rs.getInt("pap"),
                rs.getBoolean("ioc"), rs.getBoolean("sighted"), rs.getBoolean("ignore_similarity"),
                rs.getLong("start_date"), rs.getString("reports"), rs.getString("created_by"), rs.getLong("created_at"),
                rs.getString("updated_by"), rs.getObject("updated_at", Long.class), List.of());
    };

    /** Where else a value appears: another case of the same organisation. */
    public record Sighting(long caseId, long caseNumber, String caseTitle, long observableId, boolean ioc) {}

    private final JdbcClient jdbc;
    private final TagRepository tags;
    private final AttachmentStore attachments;

    public ObservableRepository(JdbcClient jdbc, TagRepository tags, AttachmentStore attachments) {
        this.jdbc = jdbc;
        this.tags = tags;
        this.attachments = attachments;
    }

    public void update(ObservableRecord o) {
        jdbc.sql("""
                UPDATE observable SET data_type = ?, data = ?, data_key = ?, message = ?, tlp = ?, pap = ?, ioc = ?,
                  sighted = ?, ignore_similarity = ?, start_date = ?, reports = ?, updated_by = ?, updated_at = ? WHERE id = ?""")
                .params(o.dataType(), o.data(), o.dataKey(), o.message(), o.tlp(), o.pap(), o.ioc(), o.sighted(), o.ignoreSimilarity(), o.startDate(),
                        o.reports(), o.updatedBy(), o.updatedAt(), o.id())
                .update();
        tags.replace(TAG_ENTITY, o.id(), o.tags());
    }

    /** Whether the case (caseId set) or the alert already holds a value of this type and key. */
    public boolean holds(Long caseId, Long alertId, String dataType, String dataKey) {
        String owner = caseId != null ? "case_id" : "alert_id";
        return jdbc.sql("SELECT COUNT(*) FROM observable WHERE " + owner + " = ? AND data_type = ? AND data_key = ?")
                .params(caseId != null ? caseId : alertId, dataType, dataKey).query(Long.class).single() > 0;
    }

    /** The Cortex reports of an observable, row-locked until the transaction ends (several jobs may end at once). */
    public Optional<String> reportsForUpdate(long id) {
        return jdbc.sql("SELECT reports FROM observable WHERE id = ? FOR UPDATE").param(id).query(String.class).optional();
    }

    public void updateReports(long id, String reports, String by, long now) {
        jdbc.sql("UPDATE observable SET reports = ?, updated_by = ?, updated_at = ? WHERE id = ?")
                .params(reports, by, now, id).update();
    }

    /** An observable the caller sees: of their organisation and not in a case hidden from them ({@link CaseVisibility}). */
    public Optional<ObservableRecord> findVisible(Principal caller, long id) {
        SqlCondition visible = CaseVisibility.belowCases("o", "o.case_id", caller).and("o.id = ?", id);
        return jdbc.sql(SELECT + " WHERE " + visible.sql()).params(visible.params()).query(ROW).optional()
                .map(o -> o.withTags(tags.of(TAG_ENTITY, o.id())));
    }

    public Optional<ObservableRecord> findById(long orgId, long id) {
        return jdbc.sql(SELECT + " WHERE o.org_id = ? AND o.id = ?").params(orgId, id).query(ROW).optional()
                .map(o -> o.withTags(tags.of(TAG_ENTITY, o.id())));
    }

    /** Whether the case (caseId set) or alert is one the caller may see and add to ({@link NewObservableWriter.Owner#addableBy}). */
    public boolean parentExists(Principal p, Long caseId, Long alertId) {
        NewObservableWriter.Owner owner = NewObservableWriter.Owner.of(caseId);
        SqlCondition addable = owner.addableBy(p);
        List<Object> params = new ArrayList<>();
        params.add(caseId != null ? caseId : alertId);
        params.addAll(addable.params());
        return jdbc.sql("SELECT COUNT(*) FROM " + owner.table() + " parent WHERE parent.id = ? AND " + addable.sql())
                .params(params).query(Long.class).single() > 0;
    }

    /** The observable of that type and key in the case (caseId set) or the alert, of the organisation. */
    public Optional<ObservableRecord> findIn(long orgId, Long caseId, Long alertId, String dataType, String dataKey) {
        String owner = caseId != null ? "o.case_id" : "o.alert_id";
        return jdbc.sql(SELECT + " WHERE o.org_id = ? AND " + owner + " = ? AND o.data_type = ? AND o.data_key = ?")
                .params(orgId, caseId != null ? caseId : alertId, dataType, dataKey).query(ROW).optional()
                .map(o -> o.withTags(tags.of(TAG_ENTITY, o.id())));
    }

    public List<ObservableRecord> ofCase(long caseId) {
        return withTags(jdbc.sql(SELECT + " WHERE o.case_id = ? ORDER BY o.id").param(caseId).query(ROW).list());
    }

    /**
     * The observables of one case whose type and value another case of the organisation holds too,
     * each id to the other case's observable of that value: one lookup per row on the other case's
     * (case, type, key) constraint index.
     */
    public Map<Long, Long> alsoIn(long orgId, long caseId, long otherCaseId) {
        Map<Long, Long> out = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT o.id, other.id FROM observable o
                        JOIN observable other ON other.case_id = ? AND other.data_type = o.data_type AND other.data_key = o.data_key
                        WHERE o.org_id = ? AND o.case_id = ? ORDER BY o.id""")
                .params(otherCaseId, orgId, caseId)
                .query(rs -> { out.put(rs.getLong(1), rs.getLong(2)); });
        return out;
    }

    /**
     * Moves every observable of a case to another case of the organisation in one statement, ids
     * kept; answers the ids moved, in order. The other case must hold none of their values.
     */
    public List<Long> moveToCase(long orgId, long fromCaseId, long toCaseId) {
        List<Long> ids = jdbc.sql("SELECT id FROM observable WHERE org_id = ? AND case_id = ? ORDER BY id")
                .params(orgId, fromCaseId).query(Long.class).list();
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE observable SET case_id = ? WHERE org_id = ? AND case_id = ?").params(toCaseId, orgId, fromCaseId).update();
        }
        return ids;
    }

    /** The ids of a case's (caseId set) or an alert's observables, without reading the records. */
    public List<Long> idsOf(Long caseId, Long alertId) {
        return jdbc.sql("SELECT id FROM observable WHERE " + (caseId != null ? "case_id" : "alert_id") + " = ?")
                .param(caseId != null ? caseId : alertId).query(Long.class).list();
    }

    public List<ObservableRecord> ofAlert(long alertId) {
        return withTags(jdbc.sql(SELECT + " WHERE o.alert_id = ? ORDER BY o.id").param(alertId).query(ROW).list());
    }

    /** One page of a case's (caseId set) or an alert's observables, filtered and sorted; with their tags. */
    public List<ObservableRecord> page(long orgId, Long caseId, Long alertId, ObservableListQuery q) {
        Filter f = filter(orgId, caseId, alertId, q);
        String dir = q.descending() ? " DESC" : " ASC";
        List<Object> params = new ArrayList<>(f.params());
        params.add(q.pageSize());
        params.add(q.offset());
        return withTags(jdbc.sql(SELECT + f.where() + " ORDER BY " + q.sort().sql + dir + ", o.id" + dir + " LIMIT ? OFFSET ?")
                .params(params).query(ROW).list());
    }

    /** How many observables of the case or alert match the query's filters. */
    public long count(long orgId, Long caseId, Long alertId, ObservableListQuery q) {
        Filter f = filter(orgId, caseId, alertId, q);
        return jdbc.sql("SELECT COUNT(*) FROM observable o LEFT JOIN attachment a ON a.id = o.attachment_id" + f.where())
                .params(f.params()).query(Long.class).single();
    }

    /** Observables of the case or alert per type, with their IOCs, by type name. */
    public List<ObservablePage.TypeCount> typeCounts(long orgId, Long caseId, Long alertId) {
        String owner = caseId != null ? "o.case_id" : "o.alert_id";
        return jdbc.sql("SELECT o.data_type, COUNT(*), SUM(CASE WHEN o.ioc THEN 1 ELSE 0 END) FROM observable o"
                        + " WHERE o.org_id = ? AND " + owner + " = ? GROUP BY o.data_type ORDER BY o.data_type")
                .params(orgId, caseId != null ? caseId : alertId)
                .query((rs, i) -> new ObservablePage.TypeCount(rs.getString(1), rs.getInt(2), rs.getInt(3))).list();
    }

    private record Filter(String where, List<Object> params) {}

    private static Filter filter(long orgId, Long caseId, Long alertId, ObservableListQuery q) {
        StringBuilder where = new StringBuilder(" WHERE o.org_id = ? AND ").append(caseId != null ? "o.case_id" : "o.alert_id")
                .append(" = ?");
        List<Object> params = new ArrayList<>(List.of(orgId, caseId != null ? caseId : alertId));
        if (q.dataType() != null) {
            where.append(" AND o.data_type = ?");
            params.add(q.dataType());
        }
        if (q.ioc() != null) {
            where.append(" AND o.ioc = ?");
            params.add(q.ioc());
        }
        if (q.search() != null) {
            // LIKE's own characters in the search are meant literally
            where.append(" AND LOWER(COALESCE(o.data, a.name)) LIKE ? ESCAPE '\\'");
            String literal = q.search().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_");
            params.add("%" + literal + "%");
        }
        return new Filter(where.toString(), params);
    }

    public int countOfAlert(long alertId) {
        return jdbc.sql("SELECT COUNT(*) FROM observable WHERE alert_id = ?").param(alertId).query(Integer.class).single();
    }

    /** Observable counts of many alerts with one query, for alert lists. */
    public Map<Long, Integer> countByAlert(java.util.Collection<Long> alertIds) {
        Map<Long, Integer> out = new java.util.HashMap<>();
        if (alertIds.isEmpty()) return out;
        jdbc.sql("SELECT alert_id, COUNT(*) FROM observable WHERE alert_id IN (:ids) GROUP BY alert_id")
                .param("ids", alertIds)
                .query((rs, i) -> out.put(rs.getLong(1), rs.getInt(2))).list();
        return out;
    }

    public void delete(long id) {
        List<Long> files = attachments.usedBy("id", id);
        tags.deleteAll(TAG_ENTITY, id);
        jdbc.sql("DELETE FROM observable WHERE id = ?").param(id).update();
        attachments.release(files);
    }

    /** Removes every observable of an alert, with its tags, and releases the files no longer used. */
    public void deleteAllOfAlert(long alertId) {
        List<Long> files = attachments.usedBy("alert_id", alertId);
        tags.deleteAll(TAG_ENTITY, "SELECT id FROM observable WHERE alert_id = ?", alertId);
        jdbc.sql("DELETE FROM observable WHERE alert_id = ?").param(alertId).update();
        attachments.release(files);
    }

    /** Other cases the caller sees holding the same value (one index lookup on data_key). */
    public List<Sighting> seenIn(Principal caller, ObservableRecord o) {
        String otherCase = o.caseId() == null ? "o.case_id IS NOT NULL" : "o.case_id <> " + o.caseId();
        SqlCondition visible = CaseVisibility.of("c", caller);
        List<Object> params = new ArrayList<>(List.of(o.orgId(), o.dataKey(), o.dataType()));
        params.addAll(visible.params());
        return jdbc.sql("SELECT c.id, c.number, c.title, o.id AS obs_id, o.ioc FROM observable o"
                        + " JOIN case_record c ON c.id = o.case_id"
                        + " WHERE o.org_id = ? AND o.data_key = ? AND o.data_type = ? AND " + otherCase + " AND " + visible.sql()
                        + " ORDER BY c.number DESC LIMIT 100")
                .params(params)
                .query((rs, i) -> new Sighting(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getBoolean(5)))
                .list();
    }

    /**
     * {@link #seenIn} of several observables of the caller's organisation with one query, by observable
     * id, each the single lookup's answer: a value's newest 101 cases the caller may see are read (one
     * of them may be the row's own case), then its own case is left out and 100 kept.
     */
    public Map<Long, List<Sighting>> seenIn(Principal caller, List<ObservableRecord> list) {
        Map<Long, List<Sighting>> out = new java.util.HashMap<>();
        List<String> keys = list.stream().map(ObservableRecord::dataKey).distinct().toList();
        if (keys.isEmpty()) return out;
        Map<String, List<Sighting>> byValue = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT id, number, title, obs_id, ioc, data_type, data_key FROM (
                            SELECT c.id, c.number, c.title, o.id AS obs_id, o.ioc, o.data_type, o.data_key,
                                   ROW_NUMBER() OVER (PARTITION BY o.data_type, o.data_key ORDER BY c.number DESC) AS rn
                            FROM observable o JOIN case_record c ON c.id = o.case_id
                            WHERE o.org_id = :org AND o.data_key IN (:keys) AND %s
                        ) held
                        WHERE rn <= 101 ORDER BY number DESC""".formatted(CaseVisibility.named("c", "org", "user")))
                .param("org", caller.orgId()).param("keys", keys).param("user", caller.userId())
                .query(rs -> {
                    byValue.computeIfAbsent(rs.getString(6) + "\0" + rs.getString(7), k -> new ArrayList<>())
                            .add(new Sighting(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getBoolean(5)));
                });
        for (ObservableRecord o : list) {
            out.put(o.id(), byValue.getOrDefault(o.dataType() + "\0" + o.dataKey(), List.of()).stream()
                    .filter(s -> !Long.valueOf(s.caseId()).equals(o.caseId())).limit(100).toList());
        }
        return out;
    }

    /** The records with these ids, with their tags, in no particular order. */
    public List<ObservableRecord> byIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return withTags(jdbc.sql(SELECT + " WHERE o.id IN (:ids)").param("ids", ids).query(ROW).list());
    }

    public List<ObservableRecord> withTags(List<ObservableRecord> list) {
        Map<Long, List<String>> all = tags.of(TAG_ENTITY, list.stream().map(ObservableRecord::id).toList());
        return list.stream().map(o -> o.withTags(all.getOrDefault(o.id(), List.of()))).toList();
    }
}
