package io.sightline.server.tasks;

import java.util.List;

/**
 * What the organisation's task list shows: tasks of an assignee (null: anyone's) in some statuses
 * (empty: any), whose title contains a text (null: any), sorted, one page of {@code size}
 * ({@code page} counts from 1).
 */
public record TaskListQuery(String assignee, List<TaskStatus> statuses, String titleContains, Sort sort, boolean descending,
                            int page, int size) {
    /** The columns a task list sorts by; ties are broken by creation, then id, so pages never overlap. */
    public enum Sort {
        DUE("CASE WHEN t.due_date IS NULL THEN 1 ELSE 0 END, t.due_date"),
        TITLE("LOWER(t.title)"),
        STATUS("t.status"),
        CASE("c.number"),
        ASSIGNEE("t.assignee"),
        CREATED("t.created_at");

        final String sql;

        Sort(String sql) {
            this.sql = sql;
        }
    }

    public TaskListQuery {
        statuses = List.copyOf(statuses);
        if (assignee != null && assignee.isBlank()) assignee = null;
        if (titleContains != null && titleContains.isBlank()) titleContains = null;
        if (size < 1) throw new IllegalArgumentException("page size " + size);
        page = Math.max(1, page);
    }
}
