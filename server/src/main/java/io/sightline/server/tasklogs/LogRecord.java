package io.sightline.server.tasklogs;

import java.util.List;

/** A task log with its files; {@code date} is when the work logged happened (TheHive's startDate on input). */
public record LogRecord(long id, long orgId, long taskId, String message, long date, String owner, Long includeInTimeline,
                        String createdBy, long createdAt, String updatedBy, Long updatedAt, List<LogFile> files) {

    public LogRecord withId(long newId) {
        return new LogRecord(newId, orgId, taskId, message, date, owner, includeInTimeline, createdBy, createdAt, updatedBy,
                updatedAt, files);
    }

    public LogRecord withFiles(List<LogFile> newFiles) {
        return new LogRecord(id, orgId, taskId, message, date, owner, includeInTimeline, createdBy, createdAt, updatedBy,
                updatedAt, newFiles);
    }
}
