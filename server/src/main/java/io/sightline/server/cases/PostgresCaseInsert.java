package io.sightline.server.cases;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.audit.EmbeddedAuditEntry;
import io.sightline.server.auth.OrganisationRepository;
import io.sightline.server.auth.Principal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL: a new case in one statement (data-modifying CTEs): its number taken from the
 * organisation's counter, the case, its tag and its audit entry. Outside a transaction the
 * statement commits on its own, so the counter's row is locked only while it runs and commits,
 * not across round trips: concurrent creations in one organisation no longer queue behind each
 * other's network and scheduling delays, and numbers stay without gaps.
 */
final class PostgresCaseInsert {
    private static final String STATEMENT = """
            WITH numbered AS (
              %1$s
            ), created AS (
              INSERT INTO case_record (org_id, number, title, description, severity, tlp, pap, flag, status, start_date,
                end_date, assignee, summary, resolution_status, impact_status, created_by, created_at)
              SELECT ?, numbered.number, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM numbered
              RETURNING id, number
            ), tagged AS (
              INSERT INTO entity_tag (entity, entity_id, tag)
              SELECT 'case', created.id, t.tag FROM created CROSS JOIN unnest(?::varchar[]) AS t(tag)
            ), %2$s
            SELECT id, number FROM created""";

    private final JdbcTemplate jdbc;
    /** The entry shows the case as the API does, rendered with id and number 0, which the statement fills in. */
    private final EmbeddedAuditEntry audited;
    private final String statement;

    PostgresCaseInsert(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audited = audit.embedded("create", "case", "created", "'~' || created.id", "created.id", List.of(
                new EmbeddedAuditEntry.Field("\"_id\":\"~0\",", "'\"_id\":\"~' || created.id || '\",'"),
                new EmbeddedAuditEntry.Field("\"number\":0,", "'\"number\":' || created.number || ','")));
        this.statement = STATEMENT.formatted(OrganisationRepository.NEXT_CASE_NUMBER_CTE, audited.cte());
    }

    /**
     * Whether this statement can write the case: with several tags the answer lists them in the
     * database's order, known only once they are stored, so those cases take the portable path.
     */
    static boolean handles(CaseRecord c) {
        return c.tags().size() <= 1;
    }

    /** @param c the case to create, with id and number 0 */
    CaseRecord create(Principal p, CaseRecord c) {
        return jdbc.execute((ConnectionCallback<CaseRecord>) con -> {
            try (PreparedStatement ps = con.prepareStatement(statement)) {
                int i = 0;
                ps.setLong(++i, c.orgId());
                ps.setLong(++i, c.orgId());
                ps.setString(++i, c.title());
                ps.setString(++i, c.description());
                ps.setInt(++i, c.severity());
                ps.setInt(++i, c.tlp());
                ps.setInt(++i, c.pap());
                ps.setBoolean(++i, c.flag());
                ps.setString(++i, c.status());
                ps.setLong(++i, c.startDate());
                setLong(ps, ++i, c.endDate());
                ps.setString(++i, c.assignee());
                ps.setString(++i, c.summary());
                ps.setString(++i, c.resolutionStatus());
                ps.setString(++i, c.impactStatus());
                ps.setString(++i, c.createdBy());
                ps.setLong(++i, c.createdAt());
                ps.setArray(++i, con.createArrayOf("varchar", c.tags().toArray()));
                audited.bind(ps, ++i, p, CaseView.of(c), c.createdAt());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new IllegalStateException("Organisation " + c.orgId() + " is gone");
                    return c.withId(rs.getLong(1)).withNumber(rs.getLong(2));
                }
            }
        });
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) ps.setNull(index, Types.BIGINT);
        else ps.setLong(index, value);
    }
}
