package io.sightline.server.tasks;

import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseVisibility;
import io.sightline.server.query.QueryField.Kind;
import io.sightline.server.query.QueryField;
import io.sightline.server.query.QueryLink;
import io.sightline.server.query.QueryList;
import io.sightline.server.query.QuerySource;
import io.sightline.server.query.SqlCondition;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Tasks in {@code /api/v1/query}: {@code listTask}, {@code getTask}, {@code waitingTasks},
 * {@code myTasks}, a case's {@code tasks} and a log's {@code task}; scoped by the task's own
 * {@code org_id} (its case's organisation).
 */
@Component
class TaskQuerySource implements QuerySource {
    private static final List<QueryField> FIELDS = QueryField.recordFieldsAnd(
            QueryField.column("title", "title", Kind.STRING),
            QueryField.column("group", "task_group", Kind.STRING),
            QueryField.column("description", "description", Kind.STRING),
            QueryField.column("status", "status", Kind.STRING),
            QueryField.column("flag", "flag", Kind.BOOLEAN),
            QueryField.column("mandatory", "mandatory", Kind.BOOLEAN),
            QueryField.column("order", "task_order", Kind.NUMBER),
            QueryField.column("assignee", "assignee", Kind.STRING),
            QueryField.column("owner", "assignee", Kind.STRING),
            QueryField.column("dueDate", "due_date", Kind.NUMBER),
            QueryField.column("startDate", "start_date", Kind.NUMBER),
            QueryField.column("endDate", "end_date", Kind.NUMBER));

    private final TaskRepository tasks;

    TaskQuerySource(TaskRepository tasks) {
        this.tasks = tasks;
    }

    @Override public String entity() { return "task"; }
    @Override public String label() { return "Task"; }
    @Override public String table() { return "task"; }
    @Override public String listStep() { return "listTask"; }
    @Override public Optional<String> getStep() { return Optional.of("getTask"); }
    @Override public List<QueryField> fields() { return FIELDS; }

    /** The organisation's records, except those in a case hidden from the caller ({@link CaseVisibility}). */
    @Override
    public SqlCondition scope(Principal caller) {
        return CaseVisibility.belowCases("t", "t.case_id", caller);
    }

    /** TheHive's analysts' lists: the tasks waiting to be taken, and the caller's own tasks, in the caller's organisation. */
    @Override
    public List<QueryList> namedLists() {
        return List.of(new QueryList("waitingTasks", caller -> SqlCondition.of("t.status = ?", TaskStatus.Waiting.name())),
                new QueryList("myTasks", caller -> SqlCondition.of("t.assignee = ?", caller.login())));
    }

    @Override
    public List<?> views(List<Long> ids) {
        return QuerySource.inOrderOf(ids, tasks.byIds(ids), TaskRecord::id).stream().map(TaskView::of).toList();
    }

    /** A case's tasks, and the task of a log (task_log is named in SQL only: the tasklogs package depends on this one). */
    @Override
    public List<QueryLink> linksIn() {
        return List.of(new QueryLink("tasks", "case", "t.case_id IN (" + QueryLink.PARENTS + ")"),
                new QueryLink("task", "log", "t.id IN (SELECT s.task_id FROM task_log s WHERE s.id IN (" + QueryLink.PARENTS + "))"));
    }
}
