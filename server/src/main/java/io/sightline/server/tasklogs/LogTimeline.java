package io.sightline.server.tasklogs;

import io.sightline.server.auth.Principal;
import io.sightline.server.common.Ids;
import io.sightline.server.timeline.AuditEvents;
import io.sightline.server.timeline.TimelineEvent;
import io.sightline.server.timeline.TimelineSource;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Task logs on their case's timeline: a {@code LogCreated} event when a log is added, with the log
 * as it was recorded (message, date, owner). Updates and deletions of logs are not events.
 */
@Component
class LogTimeline implements TimelineSource {
    private final TaskLogRepository logs;
    private final AuditEvents audit;

    LogTimeline(TaskLogRepository logs, AuditEvents audit) {
        this.logs = logs;
        this.audit = audit;
    }

    @Override
    public List<TimelineEvent> eventsOf(Principal caller, long caseId, int limit) {
        long orgId = caller.orgId();
        List<String> ids = logs.recentOfCase(orgId, caseId, limit).stream().map(Ids::format).toList();
        return audit.entries(orgId, TaskLogService.AUDIT_TYPE, ids, limit).stream()
                .filter(e -> e.action().equals("create"))
                .map(e -> new TimelineEvent(e.at(), null, "LogCreated", TaskLogService.AUDIT_TYPE, e.entityId(), e.after()))
                .toList();
    }
}
