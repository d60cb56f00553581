package io.sightline.server.tasks;

import io.sightline.server.attachments.AttachmentStore;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseVisibility;
import io.sightline.server.query.SqlCondition;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The only writer of the {@code task} table; every read for a caller is scoped by organisation and
 * leaves out the tasks of cases hidden from the caller ({@link CaseVisibility}).
 */
@Repository
public class TaskRepository {
    /** TheHive lists a case's tasks by group, then by their order in the group, then oldest first. */
    public static final String CASE_ORDER = "task_group, task_order, created_at, id";
    public static final RowMapper<TaskRecord> ROW = (rs, i) -> new TaskRecord(rs.getLong("id"), rs.getLong("org_id"),
            rs.getLong("case_id"), rs.getString("title"), rs.getString("task_group"), rs.getString("description"),
            TaskStatus.valueOf(rs.getString("status")), rs.getBoolean("flag"), rs.getBoolean("mandatory"),
            rs.getInt("task_order"), rs.getString("assignee"), rs.getObject("due_date", Long.class),
            rs.getObject("start_date", Long.class), rs.getObject("end_date", Long.class),
            rs.getBoolean("action_required"), rs.getString("created_by"), rs.getLong("created_at"),
            rs.getString("updated_by"), rs.getObject("updated_at", Long.class));

    private final JdbcClient jdbc;
    private final AttachmentStore attachments;

    public TaskRepository(JdbcClient jdbc, AttachmentStore attachments) {
        this.jdbc = jdbc;
        this.attachments = attachments;
    }

    public TaskRecord insert(TaskRecord t) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO task (org_id, case_id, title, task_group, description, status, flag, mandatory, task_order,
                  assignee, due_date, start_date, end_date, action_required, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(t.orgId(), t.caseId(), t.title(), t.group(), t.description(), t.status().name(), t.flag(),
                        t.mandatory(), t.order(), t.assignee(), t.dueDate(), t.startDate(), t.endDate(),
                        t.actionRequired(), t.createdBy(), t.createdAt())
                .update(keys, "id");
        return t.withId(keys.getKey().longValue());
    }

    public void update(TaskRecord t) {
        jdbc.sql("""
                UPDATE task SET title = ?, task_group = ?, description = ?, status = ?, flag = ?, mandatory = ?,
                  task_order = ?, assignee = ?, due_date = ?, start_date = ?, end_date = ?, action_required = ?,
                  updated_by = ?, updated_at = ?
                WHERE id = ?""")
                .params(t.title(), t.group(), t.description(), t.status().name(), t.flag(), t.mandatory(), t.order(),
                        t.assignee(), t.dueDate(), t.startDate(), t.endDate(), t.actionRequired(), t.updatedBy(),
                        t.updatedAt(), t.id())
                .update();
    }

    /**
     * Deletes the task; its logs and their links to files go with it (foreign keys), and the files
     * no one else uses are released once the delete commits.
     */
    public void delete(long id) {
        List<Long> files = jdbc.sql("""
                SELECT DISTINCT f.attachment_id FROM task_log_attachment f JOIN task_log l ON l.id = f.log_id
                WHERE l.task_id = ?""").param(id).query(Long.class).list();
        jdbc.sql("DELETE FROM task WHERE id = ?").param(id).update();
        attachments.release(files);
    }

    /** A task the caller sees: of their organisation and not in a case hidden from them ({@link CaseVisibility}). */
    public Optional<TaskRecord> findVisible(Principal caller, long id) {
        SqlCondition visible = CaseVisibility.belowCases("t", "t.case_id", caller).and("t.id = ?", id);
        return jdbc.sql("SELECT * FROM task t WHERE " + visible.sql()).params(visible.params()).query(ROW).optional();
    }

    /** The tasks among {@code ids} the caller sees ({@link CaseVisibility}), in id order. */
    public List<TaskRecord> findAllVisible(Principal caller, Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        SqlCondition visible = CaseVisibility.belowCases("t", "t.case_id", caller);
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        List<Object> params = new java.util.ArrayList<>(visible.params());
        params.addAll(ids);
        return jdbc.sql("SELECT * FROM task t WHERE " + visible.sql() + " AND t.id IN (" + marks + ") ORDER BY t.id")
                .params(params).query(ROW).list();
    }

    /** Tasks by id whatever their organisation, for a caller that scoped the ids already (the query engine). */
    public List<TaskRecord> byIds(List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        return jdbc.sql("SELECT * FROM task WHERE id IN (" + marks + ")").params(new java.util.ArrayList<>(ids)).query(ROW).list();
    }

    public List<TaskRecord> ofCase(long orgId, long caseId) {
        return jdbc.sql("SELECT * FROM task WHERE org_id = ? AND case_id = ? ORDER BY " + CASE_ORDER)
                .params(orgId, caseId).query(ROW).list();
    }

    /** {@code limit} tasks of the case from {@code offset}, in the case's order. */
    public List<TaskRecord> ofCase(long orgId, long caseId, long offset, int limit) {
        return jdbc.sql("SELECT * FROM task WHERE org_id = ? AND case_id = ? ORDER BY " + CASE_ORDER + " LIMIT ? OFFSET ?")
                .params(orgId, caseId, limit, offset).query(ROW).list();
    }

    public long countOfCase(long orgId, long caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM task WHERE org_id = ? AND case_id = ?").params(orgId, caseId).query(Long.class).single();
    }

    /**
     * The tasks assigned to the caller in one of the statuses, in cases the caller sees, with their
     * case: those due soonest first, then those without a due date, waiting longest first.
     */
    public io.sightline.server.common.FirstRows<AssignedTask> assignedTo(Principal caller, List<String> statuses, int limit) {
        List<java.util.Map.Entry<AssignedTask, Long>> rows = jdbc.sql("""
                SELECT t.*, c.number AS case_number, c.title AS case_title, COUNT(*) OVER () AS total
                FROM task t JOIN case_record c ON c.id = t.case_id
                WHERE t.org_id = :org AND t.assignee = :assignee AND t.status IN (:statuses) AND %s
                ORDER BY CASE WHEN t.due_date IS NULL THEN 1 ELSE 0 END, t.due_date, t.created_at, t.id
                LIMIT :limit""".formatted(CaseVisibility.named("c", "org", "user")))
                .param("org", caller.orgId()).param("user", caller.userId()).param("assignee", caller.login())
                .param("statuses", statuses).param("limit", limit)
                .query((rs, i) -> java.util.Map.entry(new AssignedTask(ROW.mapRow(rs, i), rs.getLong("case_number"),
                        rs.getString("case_title")), rs.getLong("total"))).list();
        return new io.sightline.server.common.FirstRows<>(rows.stream().map(java.util.Map.Entry::getKey).toList(),
                rows.isEmpty() ? 0 : rows.get(0).getValue());
    }

    /** One page of the tasks of the cases the caller sees matching a list query, with their case, and how many match in all. */
    public io.sightline.server.core.Slice<AssignedTask> list(Principal caller, TaskListQuery q) {
        StringBuilder where = new StringBuilder("t.org_id = :org AND " + CaseVisibility.named("c", "org", "user"));
        java.util.Map<String, Object> params = new java.util.HashMap<>(java.util.Map.of("org", caller.orgId(), "user", caller.userId()));
        if (q.assignee() != null) {
            where.append(" AND t.assignee = :assignee");
            params.put("assignee", q.assignee());
        }
        if (!q.statuses().isEmpty()) {
            where.append(" AND t.status IN (:statuses)");
            params.put("statuses", q.statuses().stream().map(TaskStatus::name).toList());
        }
        if (q.titleContains() != null) {
            where.append(" AND LOWER(t.title) LIKE :title ESCAPE '\\'");
            params.put("title", "%" + likeEscaped(q.titleContains().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM task t JOIN case_record c ON c.id = t.case_id WHERE " + where).params(params).query(Long.class).single();
        int page = io.sightline.server.core.Slice.clamp(q.page(), total, q.size());
        String direction = q.descending() ? " DESC" : "";
        String order = String.join(direction + ", ", q.sort().sql.split(", ")) + direction + ", t.created_at" + direction + ", t.id" + direction;
        List<AssignedTask> rows = jdbc.sql("SELECT t.*, c.number AS case_number, c.title AS case_title"
                        + " FROM task t JOIN case_record c ON c.id = t.case_id WHERE " + where
                        + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", q.size()).param("offset", io.sightline.server.core.Slice.offset(page, q.size()))
                .query((rs, i) -> new AssignedTask(ROW.mapRow(rs, i), rs.getLong("case_number"), rs.getString("case_title")))
                .list();
        return new io.sightline.server.core.Slice<>(rows, total, page, q.size());
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Moves every task of a case to another case of the organisation in one statement; answers the ids moved, in order. */
    public java.util.List<Long> moveToCase(long orgId, long fromCaseId, long toCaseId) {
        java.util.List<Long> ids = jdbc.sql("SELECT id FROM task WHERE org_id = ? AND case_id = ? ORDER BY id")
                .params(orgId, fromCaseId).query(Long.class).list();
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE task SET case_id = ? WHERE org_id = ? AND case_id = ?").params(toCaseId, orgId, fromCaseId).update();
        }
        return ids;
    }
}
