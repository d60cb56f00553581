package io.sightline.server.tasks;

import io.sightline.server.auth.Principal;
import io.sightline.server.common.Ids;
import io.sightline.server.timeline.AuditEvents;
import io.sightline.server.timeline.TimelineEvent;
import io.sightline.server.timeline.TimelineSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Tasks on their case's timeline, read from their audit entries: {@code TaskCreated}, and
 * {@code TaskStarted}, {@code TaskCompleted} or {@code TaskCancelled} when an update moved the
 * status there (dated by the task's start or end date); the details are the task as it was after.
 * Other updates are not events.
 */
@Component
class TaskTimeline implements TimelineSource {
    /** Audit entries read per wanted event: most task updates (title, assignee…) change no status. */
    private static final int ENTRIES_PER_EVENT = 4;

    private final TaskRepository tasks;
    private final AuditEvents audit;

    TaskTimeline(TaskRepository tasks, AuditEvents audit) {
        this.tasks = tasks;
        this.audit = audit;
    }

    @Override
    public List<TimelineEvent> eventsOf(Principal caller, long caseId, int limit) {
        long orgId = caller.orgId();
        List<String> ids = tasks.ofCase(orgId, caseId).stream().map(t -> Ids.format(t.id())).toList();
        return audit.entries(orgId, TaskService.AUDIT_TYPE, ids, limit * ENTRIES_PER_EVENT).stream()
                .flatMap(e -> kind(e).stream()
                        .map(kind -> new TimelineEvent(date(kind, e), null, kind, TaskService.AUDIT_TYPE, e.entityId(), e.after())))
                .limit(limit)
                .toList();
    }

    /** A start or an end is dated as the task says (it may be given by the analyst), anything else when it was recorded. */
    private static long date(String kind, AuditEvents.Entry e) {
        Object given = switch (kind) {
            case "TaskStarted" -> e.after().get("startDate");
            case "TaskCompleted" -> e.after().get("endDate");
            default -> null;
        };
        return given instanceof Number n ? n.longValue() : e.at();
    }

    static Optional<String> kind(AuditEvents.Entry e) {
        if (e.action().equals("create")) return Optional.of("TaskCreated");
        if (!e.action().equals("update")) return Optional.empty();
        Object before = e.before().get("status");
        Object after = e.after().get("status");
        if (Objects.equals(before, after) || after == null) return Optional.empty();
        return Optional.ofNullable(Map.of(TaskStatus.InProgress.name(), "TaskStarted", TaskStatus.Completed.name(),
                "TaskCompleted", TaskStatus.Cancel.name(), "TaskCancelled").get(after.toString()));
    }
}
