package io.sightline.server.casetemplates;

import io.sightline.server.common.TagRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The only writer of {@code case_template} and {@code case_template_task}; tags through {@link TagRepository}. */
@Repository
class CaseTemplateRepository {
    static final String TAG_ENTITY = "caseTemplate";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TagRepository tags;
    private final JsonMapper json;
    private final RowMapper<CaseTemplateRecord> row;

    CaseTemplateRepository(JdbcClient jdbc, JdbcTemplate template, TagRepository tags, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.tags = tags;
        this.json = json;
        this.row = (rs, i) -> new CaseTemplateRecord(rs.getLong("id"), rs.getLong("org_id"), rs.getString("name"),
                rs.getString("display_name"), rs.getString("title_prefix"), rs.getString("description"),
                (Integer) rs.getObject("severity", Integer.class), (Integer) rs.getObject("tlp", Integer.class),
                (Integer) rs.getObject("pap", Integer.class), rs.getBoolean("flag"), rs.getString("summary"), List.of(),
                json.readValue(rs.getString("page_template_ids_json"), STRINGS), rs.getString("created_by"),
                rs.getLong("created_at"), rs.getString("updated_by"), (Long) rs.getObject("updated_at", Long.class));
    }

    long insert(CaseTemplateRecord t) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO case_template (org_id, name, display_name, title_prefix, description, severity, tlp, pap, flag,
                  summary, page_template_ids_json, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(t.orgId(), t.name(), t.displayName(), t.titlePrefix(), t.description(), t.severity(), t.tlp(),
                        t.pap(), t.flag(), t.summary(), json.writeValueAsString(t.pageTemplateIds()), t.createdBy(),
                        t.createdAt())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        tags.addToNew(TAG_ENTITY, id, t.tags());
        return id;
    }

    void update(CaseTemplateRecord t) {
        jdbc.sql("""
                UPDATE case_template SET name = ?, display_name = ?, title_prefix = ?, description = ?, severity = ?,
                  tlp = ?, pap = ?, flag = ?, summary = ?, page_template_ids_json = ?, updated_by = ?, updated_at = ?
                WHERE id = ?""")
                .params(t.name(), t.displayName(), t.titlePrefix(), t.description(), t.severity(), t.tlp(), t.pap(),
                        t.flag(), t.summary(), json.writeValueAsString(t.pageTemplateIds()), t.updatedBy(),
                        t.updatedAt(), t.id())
                .update();
        tags.replace(TAG_ENTITY, t.id(), t.tags());
    }

    /** Deletes the template; its tasks and custom field values go with it (foreign key cascade). */
    void delete(long id) {
        tags.deleteAll(TAG_ENTITY, id);
        jdbc.sql("DELETE FROM case_template WHERE id = ?").param(id).update();
    }

    Optional<CaseTemplateRecord> findById(long orgId, long id) {
        return withTags(jdbc.sql("SELECT * FROM case_template WHERE org_id = ? AND id = ?").params(orgId, id).query(row).optional());
    }

    Optional<CaseTemplateRecord> findByName(long orgId, String name) {
        return withTags(jdbc.sql("SELECT * FROM case_template WHERE org_id = ? AND name = ?").params(orgId, name).query(row).optional());
    }

    List<CaseTemplateRecord> all(long orgId) {
        return withTags(jdbc.sql("SELECT * FROM case_template WHERE org_id = ? ORDER BY name").param(orgId).query(row).list());
    }

    /** Templates by id, in no particular order, whatever their organisation (the caller has scoped the ids). */
    List<CaseTemplateRecord> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return withTags(jdbc.sql("SELECT * FROM case_template WHERE id IN (:ids)").param("ids", ids).query(row).list());
    }

    private List<CaseTemplateRecord> withTags(List<CaseTemplateRecord> found) {
        Map<Long, List<String>> all = tags.of(TAG_ENTITY, found.stream().map(CaseTemplateRecord::id).toList());
        return found.stream().map(t -> t.withTags(all.getOrDefault(t.id(), List.of()))).toList();
    }

    /** Replaces the template's task specs; a spec without an order takes its position. */
    void replaceTasks(long templateId, long orgId, List<TaskSpec> specs, String by, long at) {
        jdbc.sql("DELETE FROM case_template_task WHERE template_id = ?").param(templateId).update();
        if (specs.isEmpty()) return;
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            TaskSpec s = specs.get(i);
            rows.add(new Object[] {templateId, orgId, i, s.title(), s.group(), s.description(), s.status(), s.flag(),
                    s.order() != null ? s.order() : i, s.dueDate(), s.assignee(), s.mandatory(), by, at});
        }
        template.batchUpdate("""
                INSERT INTO case_template_task (template_id, org_id, position, title, group_name, description, status, flag,
                  task_order, due_date, assignee, mandatory, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /** The task specs of many templates in one query, each template's in position. */
    Map<Long, List<TemplateTask>> tasksOf(Collection<Long> templateIds) {
        Map<Long, List<TemplateTask>> out = new HashMap<>();
        if (templateIds.isEmpty()) return out;
        jdbc.sql("SELECT * FROM case_template_task WHERE template_id IN (:ids) ORDER BY template_id, position")
                .param("ids", templateIds)
                .query((rs, i) -> out.computeIfAbsent(rs.getLong("template_id"), k -> new ArrayList<>()).add(
                        new TemplateTask(rs.getLong("id"), new TaskSpec(rs.getString("title"), rs.getString("group_name"),
                                rs.getString("description"), rs.getString("status"), rs.getBoolean("flag"),
                                rs.getInt("task_order"), (Long) rs.getObject("due_date", Long.class),
                                rs.getString("assignee"), rs.getBoolean("mandatory")),
                                rs.getInt("task_order"), rs.getString("created_by"), rs.getLong("created_at"))))
                .list();
        return out;
    }

    private Optional<CaseTemplateRecord> withTags(Optional<CaseTemplateRecord> t) {
        return t.map(x -> x.withTags(tags.of(TAG_ENTITY, x.id())));
    }
}
