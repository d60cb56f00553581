package io.sightline.server.tasklogs;

import io.sightline.server.attachments.Attachment;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseVisibility;
import io.sightline.server.query.SqlCondition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The only writer of {@code task_log} and {@code task_log_attachment}; reads are scoped by
 * organisation, and a caller's reads by log id follow its task's case ({@link CaseVisibility}).
 */
@Repository
public class TaskLogRepository {
    public static final RowMapper<LogRecord> ROW = (rs, i) -> new LogRecord(rs.getLong("id"), rs.getLong("org_id"),
            rs.getLong("task_id"), rs.getString("message"), rs.getLong("log_date"), rs.getString("owner"),
            rs.getObject("include_in_timeline", Long.class), rs.getString("created_by"), rs.getLong("created_at"),
            rs.getString("updated_by"), rs.getObject("updated_at", Long.class), List.of());
    private static final RowMapper<LogFile> FILE = (rs, i) -> new LogFile(new Attachment(rs.getLong("id"),
            rs.getString("name"), rs.getString("content_type"), rs.getLong("size"), rs.getString("md5"),
            rs.getString("sha1"), rs.getString("sha256")), rs.getString("linked_by"), rs.getLong("linked_at"));
    private static final String FILES = """
            SELECT l.log_id, l.created_by AS linked_by, l.created_at AS linked_at, a.*
            FROM task_log_attachment l JOIN attachment a ON a.id = l.attachment_id""";

    private final JdbcClient jdbc;

    /** The SQL of the case id of the log row {@code alias}, through its task. */
    static String caseOf(String alias) {
        return "(SELECT k.case_id FROM task k WHERE k.id = " + alias + ".task_id)";
    }

    public TaskLogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(LogRecord l) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO task_log (org_id, task_id, message, log_date, owner, include_in_timeline, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(l.orgId(), l.taskId(), l.message(), l.date(), l.owner(), l.includeInTimeline(), l.createdBy(),
                        l.createdAt())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(LogRecord l) {
        jdbc.sql("UPDATE task_log SET message = ?, include_in_timeline = ?, updated_by = ?, updated_at = ? WHERE id = ?")
                .params(l.message(), l.includeInTimeline(), l.updatedBy(), l.updatedAt(), l.id()).update();
    }

    /** Deletes the log and its links to files (the caller releases the files). */
    public void delete(long id) {
        jdbc.sql("DELETE FROM task_log WHERE id = ?").param(id).update();
    }

    public void link(long logId, long attachmentId, String by, long at) {
        jdbc.sql("INSERT INTO task_log_attachment (log_id, attachment_id, created_by, created_at) VALUES (?, ?, ?, ?)")
                .params(logId, attachmentId, by, at).update();
    }

    public void unlink(long logId, long attachmentId) {
        jdbc.sql("DELETE FROM task_log_attachment WHERE log_id = ? AND attachment_id = ?").params(logId, attachmentId).update();
    }

    /** A log the caller sees: of their organisation and not in a case hidden from them ({@link CaseVisibility}). */
    public Optional<LogRecord> findVisible(Principal caller, long id) {
        SqlCondition visible = CaseVisibility.belowCases("l", caseOf("l"), caller).and("l.id = ?", id);
        return jdbc.sql("SELECT * FROM task_log l WHERE " + visible.sql()).params(visible.params()).query(ROW).optional()
                .map(l -> l.withFiles(files(List.of(l.id())).getOrDefault(l.id(), List.of())));
    }

    /** The ids of the most recently created logs of the tasks of one case of the organisation, at most {@code limit}. */
    public List<Long> recentOfCase(long orgId, long caseId, int limit) {
        return jdbc.sql("""
                SELECT l.id FROM task_log l JOIN task t ON t.id = l.task_id
                WHERE l.org_id = ? AND t.case_id = ? ORDER BY l.created_at DESC, l.id DESC LIMIT ?""")
                .params(orgId, caseId, limit).query(Long.class).list();
    }

    /** Logs by id with their files, whatever their organisation, for a caller that scoped the ids already (the query engine). */
    public List<LogRecord> byIds(List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        List<LogRecord> found = jdbc.sql("SELECT * FROM task_log WHERE id IN (" + marks + ")").params(new ArrayList<>(ids))
                .query(ROW).list();
        Map<Long, List<LogFile>> files = files(found.stream().map(LogRecord::id).toList());
        return found.stream().map(l -> l.withFiles(files.getOrDefault(l.id(), List.of()))).toList();
    }

    /** The task's logs, newest first as TheHive shows them, with their files. */
    public List<LogRecord> ofTask(long orgId, long taskId) {
        List<LogRecord> logs = jdbc.sql("SELECT * FROM task_log WHERE org_id = ? AND task_id = ? ORDER BY log_date DESC, id DESC")
                .params(orgId, taskId).query(ROW).list();
        Map<Long, List<LogFile>> files = files(logs.stream().map(LogRecord::id).toList());
        return logs.stream().map(l -> l.withFiles(files.getOrDefault(l.id(), List.of()))).toList();
    }

    /** The newest {@code perTask} logs of each of these tasks (newest first, with their files), by task. */
    public Map<Long, List<LogRecord>> newestOfTasks(long orgId, Collection<Long> taskIds, int perTask) {
        Map<Long, List<LogRecord>> out = new LinkedHashMap<>();
        if (taskIds.isEmpty()) return out;
        List<Object> params = new ArrayList<>(taskIds);
        params.add(orgId);
        params.add(perTask);
        List<LogRecord> newest = jdbc.sql("SELECT * FROM (SELECT l.*, ROW_NUMBER() OVER (PARTITION BY task_id ORDER BY log_date DESC,"
                        + " id DESC) AS rank_in_task FROM task_log l WHERE task_id IN (" + marks(taskIds.size())
                        + ") AND org_id = ?) ranked WHERE rank_in_task <= ? ORDER BY task_id, rank_in_task")
                .params(params).query(ROW).list();
        Map<Long, List<LogFile>> files = files(newest.stream().map(LogRecord::id).toList());
        for (LogRecord l : newest) out.computeIfAbsent(l.taskId(), k -> new ArrayList<>()).add(l.withFiles(files.getOrDefault(l.id(), List.of())));
        return out;
    }

    /** How many logs each of these tasks has (tasks with none are absent). */
    public Map<Long, Long> countsOfTasks(long orgId, Collection<Long> taskIds) {
        Map<Long, Long> out = new LinkedHashMap<>();
        if (taskIds.isEmpty()) return out;
        List<Object> params = new ArrayList<>(taskIds);
        params.add(orgId);
        jdbc.sql("SELECT task_id, COUNT(*) AS n FROM task_log WHERE task_id IN (" + marks(taskIds.size()) + ") AND org_id = ? GROUP BY task_id")
                .params(params).query((rs, i) -> Map.entry(rs.getLong("task_id"), rs.getLong("n"))).list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** The files of these logs, in the order they were attached. */
    public Map<Long, List<LogFile>> files(List<Long> logIds) {
        Map<Long, List<LogFile>> out = new LinkedHashMap<>();
        if (logIds.isEmpty()) return out;
        String marks = String.join(", ", Collections.nCopies(logIds.size(), "?"));
        jdbc.sql(FILES + " WHERE l.log_id IN (" + marks + ") ORDER BY l.created_at, a.id").params(new ArrayList<>(logIds))
                .query((rs, i) -> Map.entry(rs.getLong("log_id"), FILE.mapRow(rs, i))).list()
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }
}
