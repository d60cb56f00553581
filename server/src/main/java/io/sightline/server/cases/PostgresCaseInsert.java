package io.sightline.server.cases;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Principal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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
    /** The audit entry shows the case as the API does: the JSON is rendered with placeholders for id and number. */
    private static final String ID_PLACEHOLDER = "{\"_id\":\"~0\",";
    private static final String NUMBER_PLACEHOLDER = "\"number\":0,";

    private static final String STATEMENT = """
            WITH numbered AS (
              UPDATE organisation SET next_case_number = next_case_number + 1 WHERE id = ?
              RETURNING next_case_number - 1 AS number
            ), created AS (
              INSERT INTO case_record (org_id, number, title, description, severity, tlp, pap, flag, status, start_date,
                end_date, assignee, summary, resolution_status, impact_status, created_by, created_at)
              SELECT ?, numbered.number, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM numbered
              RETURNING id, number
            ), tagged AS (
              INSERT INTO entity_tag (entity, entity_id, tag)
              SELECT 'case', created.id, t.tag FROM created CROSS JOIN unnest(?::varchar[]) AS t(tag)
            ), audited AS (
              INSERT INTO audit_log (org_id, actor, action, entity, entity_id, before_json, after_json, at)
              SELECT ?, ?, 'create', 'case', '~' || created.id, NULL,
                '{"_id":"~' || created.id || '",' || ? || created.number || ?, ?
              FROM created
            )
            SELECT id, number FROM created""";

    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    PostgresCaseInsert(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
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
        String json = audit.json(CaseView.of(c));
        int number = json.indexOf(NUMBER_PLACEHOLDER);
        if (!json.startsWith(ID_PLACEHOLDER) || number < 0) {
            throw new IllegalStateException("The case view no longer starts with its id and number");
        }
        // Inside JSON strings quotes are escaped, so the first "number":0, is the field itself.
        String beforeNumber = json.substring(ID_PLACEHOLDER.length(), number + NUMBER_PLACEHOLDER.length() - 2);
        String afterNumber = json.substring(number + NUMBER_PLACEHOLDER.length() - 1);
        return jdbc.execute((ConnectionCallback<CaseRecord>) con -> {
            try (PreparedStatement ps = con.prepareStatement(STATEMENT)) {
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
                ps.setLong(++i, p.orgId());
                ps.setString(++i, p.login());
                ps.setString(++i, beforeNumber);
                ps.setString(++i, afterNumber);
                ps.setLong(++i, c.createdAt());
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
