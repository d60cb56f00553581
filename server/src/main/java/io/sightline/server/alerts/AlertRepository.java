package io.sightline.server.alerts;

import io.sightline.server.common.TagRepository;
import io.sightline.server.observables.ObservableRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class AlertRepository {
    public static final String TAG_ENTITY = "alert";
    public static final RowMapper<AlertRecord> ROW = (rs, i) -> new AlertRecord(rs.getLong("id"), rs.getLong("org_id"),
            rs.getString("type"), rs.getString("source"), rs.getString("source_ref"), rs.getString("external_link"),
            rs.getString("title"), rs.getString("description"), rs.getInt("severity"), rs.getLong("alert_date"),
            rs.getInt("tlp"), rs.getInt("pap"), rs.getBoolean("flag"), rs.getString("status"), rs.getBoolean("is_read"),
            rs.getBoolean("follow"), rs.getObject("case_id", Long.class), rs.getString("summary"), rs.getString("assignee"),
            rs.getString("created_by"), rs.getLong("created_at"), rs.getString("updated_by"),
            rs.getObject("updated_at", Long.class), List.of());

    private final JdbcClient jdbc;
    private final TagRepository tags;
    private final ObservableRepository observables;

    public AlertRepository(JdbcClient jdbc, TagRepository tags, ObservableRepository observables) {
        this.jdbc = jdbc;
        this.tags = tags;
        this.observables = observables;
    }

    public long insert(AlertRecord a) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO alert (org_id, type, source, source_ref, external_link, title, description, severity, alert_date,
                  tlp, pap, flag, status, is_read, follow, case_id, summary, assignee, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.orgId(), a.type(), a.source(), a.sourceRef(), a.externalLink(), a.title(), a.description(),
                        a.severity(), a.date(), a.tlp(), a.pap(), a.flag(), a.status(), a.read(), a.follow(), a.caseId(),
                        a.summary(), a.assignee(), a.createdBy(), a.createdAt())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        tags.replace(TAG_ENTITY, id, a.tags());
        return id;
    }

    public void update(AlertRecord a) {
        jdbc.sql("""
                UPDATE alert SET external_link = ?, title = ?, description = ?, severity = ?, alert_date = ?, tlp = ?, pap = ?,
                  flag = ?, status = ?, is_read = ?, follow = ?, case_id = ?, summary = ?, assignee = ?, updated_by = ?,
                  updated_at = ?
                WHERE id = ?""")
                .params(a.externalLink(), a.title(), a.description(), a.severity(), a.date(), a.tlp(), a.pap(), a.flag(),
                        a.status(), a.read(), a.follow(), a.caseId(), a.summary(), a.assignee(), a.updatedBy(),
                        a.updatedAt(), a.id())
                .update();
        tags.replace(TAG_ENTITY, a.id(), a.tags());
    }

    /** Marks the alert updated by {@code by} at {@code at}, nothing else changed (observables added to it). */
    public void touch(long id, String by, long at) {
        jdbc.sql("UPDATE alert SET updated_by = ?, updated_at = ? WHERE id = ?").params(by, at, id).update();
    }

    /** The case template the alert names (TheHive 5's caseTemplate), or none. */
    public void setCaseTemplate(long id, String caseTemplate) {
        jdbc.sql("UPDATE alert SET case_template = ? WHERE id = ?").params(caseTemplate, id).update();
    }

    public Optional<String> caseTemplateOf(long id) {
        return jdbc.sql("SELECT case_template FROM alert WHERE id = ?").param(id).query(String.class).optional();
    }

    /** The case templates of many alerts in one query; alerts naming none are absent. */
    public Map<Long, String> caseTemplatesOf(java.util.Collection<Long> ids) {
        Map<Long, String> out = new java.util.HashMap<>();
        if (ids.isEmpty()) return out;
        jdbc.sql("SELECT id, case_template FROM alert WHERE id IN (:ids) AND case_template IS NOT NULL").param("ids", ids)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }

    public Optional<AlertRecord> findById(long orgId, long id) {
        return jdbc.sql("SELECT * FROM alert WHERE org_id = ? AND id = ?").params(orgId, id).query(ROW).optional()
                .map(a -> a.withTags(tags.of(TAG_ENTITY, a.id())));
    }

    public Optional<AlertRecord> findBySource(long orgId, String type, String source, String sourceRef) {
        return jdbc.sql("SELECT * FROM alert WHERE org_id = ? AND type = ? AND source = ? AND source_ref = ?")
                .params(orgId, type, source, sourceRef).query(ROW).optional()
                .map(a -> a.withTags(tags.of(TAG_ENTITY, a.id())));
    }

    public List<AlertRecord> ofCase(long caseId) {
        return withTags(jdbc.sql("SELECT * FROM alert WHERE case_id = ? ORDER BY id").param(caseId).query(ROW).list());
    }

    /** Removes an alert with its observables (their package removes them) and its tags. */
    public void delete(long id) {
        observables.deleteAllOfAlert(id);
        tags.deleteAll(TAG_ENTITY, id);
        jdbc.sql("DELETE FROM alert WHERE id = ?").param(id).update();
    }

    /** The records with these ids, with their tags, in no particular order. */
    public List<AlertRecord> byIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return withTags(jdbc.sql("SELECT * FROM alert WHERE id IN (:ids)").param("ids", ids).query(ROW).list());
    }

    public List<AlertRecord> withTags(List<AlertRecord> alerts) {
        Map<Long, List<String>> all = tags.of(TAG_ENTITY, alerts.stream().map(AlertRecord::id).toList());
        return alerts.stream().map(a -> a.withTags(all.getOrDefault(a.id(), List.of()))).toList();
    }

    /** The organisation's alerts in a status, counted by severity and source (at most {@code limit} groups). */
    List<NewAlerts.Group> countBySeverityAndSource(long orgId, String status, int limit) {
        return jdbc.sql("""
                SELECT severity, source, COUNT(*) AS n FROM alert WHERE org_id = ? AND status = ?
                GROUP BY severity, source ORDER BY n DESC, source, severity LIMIT ?""")
                .params(orgId, status, limit)
                .query((rs, i) -> new NewAlerts.Group(rs.getInt("severity"), rs.getString("source"), rs.getLong("n"))).list();
    }
}
