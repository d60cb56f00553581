package io.sightline.server.tasklogs;

import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseVisibility;
import io.sightline.server.query.QueryField.Kind;
import io.sightline.server.query.QueryField;
import io.sightline.server.query.QueryLink;
import io.sightline.server.query.QuerySource;
import io.sightline.server.query.SqlCondition;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Task logs in {@code /api/v1/query}: {@code listLog}, {@code getLog} and a task's {@code logs}, with their files. */
@Component
class LogQuerySource implements QuerySource {
    private static final List<QueryField> FIELDS = QueryField.recordFieldsAnd(
            QueryField.column("message", "message", Kind.STRING),
            QueryField.column("date", "log_date", Kind.NUMBER),
            QueryField.column("owner", "owner", Kind.STRING),
            QueryField.column("includeInTimeline", "include_in_timeline", Kind.NUMBER));

    private final TaskLogRepository logs;

    LogQuerySource(TaskLogRepository logs) {
        this.logs = logs;
    }

    @Override public String entity() { return "log"; }
    @Override public String label() { return "Log"; }
    @Override public String table() { return "task_log"; }
    @Override public String listStep() { return "listLog"; }
    @Override public Optional<String> getStep() { return Optional.of("getLog"); }
    @Override public List<QueryField> fields() { return FIELDS; }

    /** The organisation's records, except those in a case hidden from the caller ({@link CaseVisibility}). */
    @Override
    public SqlCondition scope(Principal caller) {
        return CaseVisibility.belowCases("t", TaskLogRepository.caseOf("t"), caller);
    }

    @Override
    public List<?> views(List<Long> ids) {
        return QuerySource.inOrderOf(ids, logs.byIds(ids), LogRecord::id).stream().map(TaskLogView::of).toList();
    }

    @Override
    public List<QueryLink> linksIn() {
        return List.of(new QueryLink("logs", "task", "t.task_id IN (" + QueryLink.PARENTS + ")"));
    }
}
