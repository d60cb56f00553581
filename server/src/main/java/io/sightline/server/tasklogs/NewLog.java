package io.sightline.server.tasklogs;

/** A log to add to a task; a null date means now. */
public record NewLog(String message, Long date, Long includeInTimeline) {}
