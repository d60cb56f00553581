package io.sightline.server.tasklogs;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.audit.EmbeddedAuditEntry;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseVisibility;
import io.sightline.server.query.SqlCondition;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL: a log without files in one statement (data-modifying CTEs) that finds its task among
 * those the caller sees, writes the log and its audit entry: one round trip where the portable path
 * takes three, so that logging work costs no more than adding an observable.
 */
final class PostgresLogInsert {
    private static final String STATEMENT = """
            WITH created AS (
              INSERT INTO task_log (org_id, task_id, message, log_date, owner, include_in_timeline, created_by, created_at)
              SELECT t.org_id, t.id, ?, ?, ?, ?, ?, ? FROM task t WHERE t.id = ? AND %s
              RETURNING id, task_id
            ), %s
            SELECT id FROM created""";

    private final JdbcTemplate jdbc;
    /** The entry shows the log as the API does, rendered with id 0, which the statement fills in. */
    private final EmbeddedAuditEntry audited;
    private final String cte;

    PostgresLogInsert(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audited = audit.embedded("create", TaskLogService.AUDIT_TYPE, "created", "'~' || created.id",
                "(SELECT ct.case_id FROM task ct WHERE ct.id = created.task_id)", List.of(
                new EmbeddedAuditEntry.Field("\"_id\":\"~0\",", "'\"_id\":\"~' || created.id || '\",'")));
        this.cte = audited.cte();
    }

    /** @param draft the log to write, with id 0; empty when its task is not one the caller sees ({@link CaseVisibility}) */
    Optional<LogRecord> create(Principal p, LogRecord draft) {
        SqlCondition visible = CaseVisibility.belowCases("t", "t.case_id", p);
        return jdbc.execute((ConnectionCallback<Optional<LogRecord>>) con -> {
            try (PreparedStatement ps = con.prepareStatement(STATEMENT.formatted(visible.sql(), cte))) {
                int i = 0;
                ps.setString(++i, draft.message());
                ps.setLong(++i, draft.date());
                ps.setString(++i, draft.owner());
                if (draft.includeInTimeline() == null) ps.setNull(++i, Types.BIGINT);
                else ps.setLong(++i, draft.includeInTimeline());
                ps.setString(++i, draft.createdBy());
                ps.setLong(++i, draft.createdAt());
                ps.setLong(++i, draft.taskId());
                for (Object value : visible.params()) ps.setObject(++i, value);
                audited.bind(ps, ++i, p, TaskLogView.of(draft), draft.createdAt());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(draft.withId(rs.getLong(1))) : Optional.empty();
                }
            }
        });
    }
}
