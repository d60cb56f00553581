/**
 * Tasks of cases (TheHive 5): the {@code task} table, its status rules (starting sets the start
 * date, completing the end date), the service with its audit entries, and the TheHive v1 routes
 * (create in a case, get, update, bulk update, delete, the case's task list, "action required").
 * A task belongs to its case's organisation; TheHive's per-organisation "action required" and
 * shares are kept for that one organisation. Logs of a task are in {@code tasklogs}. Tasks appear
 * on their case's timeline (created, started, completed, cancelled) through a
 * {@link io.sightline.server.timeline.TimelineSource} reading their audit entries.
 */
package io.sightline.server.tasks;
