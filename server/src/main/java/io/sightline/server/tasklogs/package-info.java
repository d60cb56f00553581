/**
 * Logs of tasks (TheHive 5's task logs): the {@code task_log} table and the links of logs to
 * their files ({@code task_log_attachment}; the files themselves are kept by {@code attachments}),
 * the service with its audit entries, and the TheHive v1 routes (create, JSON or multipart with
 * files; update; delete; add, download and delete a file). A log belongs to its task's organisation.
 * An added log appears on its case's timeline ({@code LogCreated}, a {@link io.sightline.server.timeline.TimelineSource}).
 */
package io.sightline.server.tasklogs;
