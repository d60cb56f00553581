package io.sightline.server.tasks;

import io.sightline.server.core.Invalid;

/**
 * TheHive's status rules, applied when a task is created or its status changes: starting
 * (InProgress) sets the start date and, for an unassigned task, assigns it to whoever starts it;
 * completing sets the end date; going back to Waiting clears both. Dates sent in the same request win.
 */
final class TaskLifecycle {
    private TaskLifecycle() {}

    static TaskRecord apply(TaskStatus before, TaskRecord t, boolean startGiven, boolean endGiven, String caller, long now) {
        Long start = t.startDate();
        Long end = t.endDate();
        String assignee = t.assignee();
        if (t.status() != before) {
            switch (t.status()) {
                case InProgress -> {
                    if (!startGiven && start == null) start = now;
                    if (!endGiven) end = null;
                    if (assignee == null) assignee = caller;
                }
                case Completed -> {
                    if (!endGiven) end = now;
                }
                case Waiting -> {
                    if (!startGiven) start = null;
                    if (!endGiven) end = null;
                }
                case Cancel -> { }
            }
        }
        if (start != null && end != null && end < start) {
            throw new Invalid("Field endDate of task is before its startDate");
        }
        return new TaskRecord(t.id(), t.orgId(), t.caseId(), t.title(), t.group(), t.description(), t.status(), t.flag(),
                t.mandatory(), t.order(), assignee, t.dueDate(), start, end, t.actionRequired(), t.createdBy(),
                t.createdAt(), t.updatedBy(), t.updatedAt());
    }
}
