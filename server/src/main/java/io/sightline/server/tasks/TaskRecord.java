package io.sightline.server.tasks;

/** A task row; {@code group} and {@code order} are TheHive's names (task_group, task_order in SQL). */
public record TaskRecord(long id, long orgId, long caseId, String title, String group, String description,
                         TaskStatus status, boolean flag, boolean mandatory, int order, String assignee, Long dueDate,
                         Long startDate, Long endDate, boolean actionRequired, String createdBy, long createdAt,
                         String updatedBy, Long updatedAt) {

    public TaskRecord withId(long newId) {
        return new TaskRecord(newId, orgId, caseId, title, group, description, status, flag, mandatory, order, assignee,
                dueDate, startDate, endDate, actionRequired, createdBy, createdAt, updatedBy, updatedAt);
    }

    public TaskRecord withActionRequired(boolean required, String by, long at) {
        return new TaskRecord(id, orgId, caseId, title, group, description, status, flag, mandatory, order, assignee,
                dueDate, startDate, endDate, required, createdBy, createdAt, by, at);
    }
}
