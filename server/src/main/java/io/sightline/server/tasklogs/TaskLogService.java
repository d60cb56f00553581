package io.sightline.server.tasklogs;

import io.sightline.server.attachments.Attachment;
import io.sightline.server.attachments.AttachmentStore;
import io.sightline.server.attachments.Upload;
import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.common.Ids;
import io.sightline.server.common.SqlDialect;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import io.sightline.server.tasks.TaskRecord;
import io.sightline.server.tasks.TaskService;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Logs of the caller's organisation's tasks: permission (manageTask to write), ownership through
 * the task, files kept by {@link AttachmentStore} (placed on disk only if the log commits), audit.
 */
@Service
public class TaskLogService {
    static final String AUDIT_TYPE = "Log";
    static final int MAX_FILES = 100;

    private final TaskLogRepository logs;
    private final TaskService tasks;
    private final AttachmentStore files;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    /** The single-statement creation of a log without files, on PostgreSQL only. */
    private final PostgresLogInsert postgresInsert;

    public TaskLogService(TaskLogRepository logs, TaskService tasks, AttachmentStore files, AuditLog audit, Clock clock,
                          TransactionTemplate transactions, SqlDialect dialect, JdbcTemplate jdbc) {
        this.logs = logs;
        this.tasks = tasks;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
        this.postgresInsert = dialect.postgres() ? new PostgresLogInsert(jdbc, audit) : null;
    }

    public LogRecord create(Principal p, String taskId, NewLog n, List<Upload> uploads) {
        p.require(Permission.MANAGE_TASK);
        checkCount(uploads.size());
        long now = clock.millis();
        if (postgresInsert != null && uploads.isEmpty()) {
            LogRecord draft = new LogRecord(0, p.orgId(), Ids.parse(taskId, "Task"), n.message(), n.date() == null ? now : n.date(),
                    p.login(), n.includeInTimeline(), p.login(), now, null, null, List.of());
            return postgresInsert.create(p, draft).orElseThrow(() -> new NotFound("Task " + taskId + " not found"));
        }
        return transactions.execute(status -> insert(p, tasks.get(p, taskId), n, uploads, now));
    }

    private LogRecord insert(Principal p, TaskRecord task, NewLog n, List<Upload> uploads, long now) {
        LogRecord draft = new LogRecord(0, task.orgId(), task.id(), n.message(), n.date() == null ? now : n.date(),
                p.login(), n.includeInTimeline(), p.login(), now, null, null, List.of());
        long id = logs.insert(draft);
        attach(p, id, uploads, now);
        // Without files the stored row is the draft itself: reading it back would only cost two queries.
        LogRecord created = uploads.isEmpty() ? draft.withId(id) : read(p, id);
        audit.record(p, "create", AUDIT_TYPE, Ids.format(id), null, TaskLogView.of(created));
        return created;
    }

    public LogRecord get(Principal p, String logId) {
        p.require(Permission.READ);
        return read(p, Ids.parse(logId, "Log"));
    }

    /** The task's logs, newest first. */
    public List<LogRecord> ofTask(Principal p, String taskId) {
        return logs.ofTask(p.orgId(), tasks.get(p, taskId).id());
    }

    /** What a list of tasks shows of their logs: how many each has and the newest few. */
    public record Recent(long total, List<LogRecord> newest) {}

    /** The newest {@code perTask} logs and the log count of each of these tasks of the caller's organisation, by task id. */
    public Map<Long, Recent> recentOfTasks(Principal p, Collection<Long> taskIds, int perTask) {
        p.require(Permission.READ);
        Map<Long, List<LogRecord>> newest = logs.newestOfTasks(p.orgId(), taskIds, perTask);
        Map<Long, Long> counts = logs.countsOfTasks(p.orgId(), taskIds);
        Map<Long, Recent> out = new LinkedHashMap<>();
        for (Long id : taskIds) out.put(id, new Recent(counts.getOrDefault(id, 0L), newest.getOrDefault(id, List.of())));
        return out;
    }

    @Transactional
    public LogRecord update(Principal p, String logId, LogChanges c) {
        p.require(Permission.MANAGE_TASK);
        LogRecord before = get(p, logId);
        LogRecord changed = new LogRecord(before.id(), before.orgId(), before.taskId(), c.message().or(before.message()),
                before.date(), before.owner(), c.includeInTimeline().or(before.includeInTimeline()), before.createdBy(),
                before.createdAt(), p.login(), clock.millis(), before.files());
        logs.update(changed);
        audit.record(p, "update", AUDIT_TYPE, Ids.format(before.id()), TaskLogView.of(before), TaskLogView.of(changed));
        return changed;
    }

    @Transactional
    public void delete(Principal p, String logId) {
        p.require(Permission.MANAGE_TASK);
        LogRecord l = get(p, logId);
        logs.delete(l.id());
        files.release(l.files().stream().map(f -> f.file().id()).toList());
        audit.record(p, "delete", AUDIT_TYPE, Ids.format(l.id()), TaskLogView.of(l), null);
    }

    @Transactional
    public LogRecord addFiles(Principal p, String logId, List<Upload> uploads) {
        p.require(Permission.MANAGE_TASK);
        LogRecord before = get(p, logId);
        if (uploads.isEmpty()) throw new Invalid("No file sent: add files as multipart parts named attachments");
        checkCount(before.files().size() + uploads.size());
        attach(p, before.id(), uploads, clock.millis());
        LogRecord after = read(p, before.id());
        audit.record(p, "update", AUDIT_TYPE, Ids.format(before.id()), TaskLogView.of(before), TaskLogView.of(after));
        return after;
    }

    /** A file of the log, by its "~id" or by its content id (SHA-256), as the log's view names it. */
    public LogFile file(Principal p, String logId, String fileId) {
        LogRecord l = get(p, logId);
        return l.files().stream().filter(f -> Ids.format(f.file().id()).equals(fileId) || f.file().sha256().equals(fileId))
                .findFirst().orElseThrow(() -> new NotFound("Attachment " + fileId + " not found in log " + logId));
    }

    @Transactional
    public void deleteFile(Principal p, String logId, String fileId) {
        p.require(Permission.MANAGE_TASK);
        LogRecord before = get(p, logId);
        LogFile gone = file(p, logId, fileId);
        logs.unlink(before.id(), gone.file().id());
        files.release(List.of(gone.file().id()));
        LogRecord after = read(p, before.id());
        audit.record(p, "update", AUDIT_TYPE, Ids.format(before.id()), TaskLogView.of(before), TaskLogView.of(after));
    }

    private void attach(Principal p, long logId, List<Upload> uploads, long now) {
        for (Upload u : uploads) {
            Attachment a = files.store(u);
            logs.link(logId, a.id(), p.login(), now);
        }
    }

    private static void checkCount(int count) {
        if (count > MAX_FILES) throw new Invalid("A log holds at most " + MAX_FILES + " files, not " + count);
    }

    private LogRecord read(Principal p, long id) {
        return logs.findVisible(p, id).orElseThrow(() -> new NotFound("Log " + Ids.format(id) + " not found"));
    }
}
