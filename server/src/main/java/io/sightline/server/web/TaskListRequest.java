package io.sightline.server.web;

import io.sightline.server.tasks.TaskListQuery;
import io.sightline.server.tasks.TaskStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the task list was asked for: an assignee (blank: anyone), a status ({@code open}, the
 * default: waiting or in progress; {@code all}; or one of TheHive's task statuses), a title
 * search, the sort column and direction, the page. Unknown values fall back to the defaults, each
 * with a message at its field, as on the alert list, so a stale link never breaks the page.
 */
record TaskListRequest(String assignee, String status, String q, String sort, boolean descending, int page,
                       Map<String, String> errors) {
    static final String OPEN = "open";
    static final String ALL = "all";
    static final int PAGE_SIZE = ListQuery.PAGE_SIZE;
    /** Sortable columns: the parameter value, the label, the query's sort, and whether it starts descending. */
    static final List<Column> COLUMNS = List.of(
            new Column("status", "Status", TaskListQuery.Sort.STATUS, false), new Column("title", "Task", TaskListQuery.Sort.TITLE, false),
            new Column("case", "Case", TaskListQuery.Sort.CASE, true), new Column("assignee", "Assignee", TaskListQuery.Sort.ASSIGNEE, false),
            new Column("due", "Due", TaskListQuery.Sort.DUE, false), new Column("created", "Created", TaskListQuery.Sort.CREATED, true));
    private static final Column DEFAULT = COLUMNS.get(4);

    record Column(String param, String label, TaskListQuery.Sort sort, boolean startsDescending) {}

    static TaskListRequest of(String assignee, String status, String q, String sort, String dir, int page) {
        Map<String, String> errors = new LinkedHashMap<>();
        String shownStatus = Forms.blank(status) ? OPEN : status.trim();
        if (!shownStatus.equals(OPEN) && !shownStatus.equals(ALL) && !statuses().contains(shownStatus)) {
            errors.put("status", "Unknown status '" + shownStatus + "'; showing the tasks still to do");
            shownStatus = OPEN;
        }
        Column column = DEFAULT;
        if (!Forms.blank(sort)) {
            column = COLUMNS.stream().filter(c -> c.param().equals(sort.trim())).findFirst().orElse(null);
            if (column == null) {
                errors.put("sort", "Tasks cannot be sorted by '" + sort.trim() + "'; sorted by due date");
                column = DEFAULT;
            }
        }
        boolean descending = Forms.blank(dir) ? column.startsDescending() : !"asc".equals(dir.trim());
        return new TaskListRequest(Forms.blank(assignee) ? "" : assignee.trim(), shownStatus, Forms.blank(q) ? "" : q.trim(),
                column.param(), descending, Math.max(1, page), errors);
    }

    /** The caller's tasks still to do: what the home page's "My tasks" links to. */
    static TaskListRequest mine(String login) {
        return of(login, OPEN, null, null, null, 1);
    }

    /** TheHive's task statuses, as the status filter offers them. */
    static List<String> statuses() {
        return Arrays.stream(TaskStatus.values()).map(TaskStatus::name).toList();
    }

    TaskListQuery query() {
        List<TaskStatus> wanted = switch (status) {
            case OPEN -> List.of(TaskStatus.Waiting, TaskStatus.InProgress);
            case ALL -> List.of();
            default -> List.of(TaskStatus.valueOf(status));
        };
        return new TaskListQuery(assignee, wanted, q, column().sort(), descending, page, PAGE_SIZE);
    }

    Column column() {
        return COLUMNS.stream().filter(c -> c.param().equals(sort)).findFirst().orElse(DEFAULT);
    }

    /** The filters as the form shows them back; also what every link of the page keeps. */
    Map<String, Object> shown() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("assignee", assignee);
        f.put("status", status);
        f.put("q", q);
        f.put("sort", sort);
        f.put("dir", descending ? "desc" : "asc");
        return f;
    }

    /** "/tasks?…&" keeping the filters and sort, ready for "page=". */
    String pageBase() {
        return Forms.pageBase("/tasks", shown());
    }

    /** One heading per sortable column, by parameter, linking to the first page sorted by it (or in the other direction). */
    Map<String, SortHeading> headings() {
        Map<String, SortHeading> out = new LinkedHashMap<>();
        for (Column c : COLUMNS) {
            boolean current = c.param().equals(sort);
            Map<String, Object> params = shown();
            params.put("sort", c.param());
            params.put("dir", (current ? !descending : c.startsDescending()) ? "desc" : "asc");
            String href = Forms.pageBase("/tasks", params);
            out.put(c.param(), SortHeading.of(c.label(), href.substring(0, href.length() - 1), current, descending));
        }
        return out;
    }
}
