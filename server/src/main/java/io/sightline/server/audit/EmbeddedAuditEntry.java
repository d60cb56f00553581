package io.sightline.server.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit entry of a record that another package creates in one statement (data-modifying
 * CTEs), where a second round trip would cost too much: this class gives that statement its
 * {@code audited AS (...)} part and binds its parameters, so that {@code audit_log}'s columns and
 * the entry's JSON stay known in this package only. The entry is the one {@link AuditLog#record}
 * would write (no "before", the record as the API shows it after); fields only the statement knows
 * (the new id, a number it draws) are rendered with placeholder values and replaced, in the
 * statement, by SQL over the inserted row.
 */
public final class EmbeddedAuditEntry {
    /**
     * A field the statement fills in.
     *
     * @param rendered the field as rendered with its placeholder value, e.g. {@code "_id":"~0",};
     *                 its quotes keep it from matching inside a JSON string, where quotes are escaped
     * @param sql      the SQL text producing the real field over the inserted row, e.g.
     *                 {@code '"_id":"~' || created.id || '",'}: a constant of the caller, never input
     */
    public record Field(String rendered, String sql) {}

    private static final Pattern NAME = Pattern.compile("[A-Za-z_]+");

    private final JsonMapper json;
    private final List<Field> fields;
    private final String cte;

    /**
     * @param source     the CTE holding the inserted row, e.g. {@code created}
     * @param entityIdSql the SQL of the entry's entity id over that row, e.g. {@code '~' || created.id}
     * @param caseIdSql  the SQL of the case the record lives in over that row, e.g. {@code created.case_id}
     *                   (see {@link EntryCases}; {@code NULL} for none)
     * @param fields     the filled-in fields, in the order they are rendered
     */
    EmbeddedAuditEntry(JsonMapper json, String action, String entity, String source, String entityIdSql, String caseIdSql,
                       List<Field> fields) {
        if (!NAME.matcher(action).matches() || !NAME.matcher(entity).matches() || !NAME.matcher(source).matches()) {
            throw new IllegalArgumentException("action, entity and source are plain names");
        }
        this.json = json;
        this.fields = List.copyOf(fields);
        StringBuilder after = new StringBuilder("?");
        for (Field f : fields) after.append(" || ").append(f.sql()).append(" || ?");
        this.cte = "audited AS (\n  INSERT INTO audit_log (org_id, actor, action, entity, entity_id, before_json, after_json, at, case_id)\n"
                + "  SELECT ?, ?, '" + action + "', '" + entity + "', " + entityIdSql + ", NULL, " + after + ", ?, " + caseIdSql + "\n"
                + "  FROM " + source + "\n)";
    }

    /** The CTE {@code audited AS (INSERT INTO audit_log ...)}, to follow the one inserting the record. */
    public String cte() {
        return cte;
    }

    /**
     * Binds the CTE's parameters from {@code index} on: who, the record as the API shows it (with
     * the placeholder values), when.
     *
     * @return the index of the next parameter
     */
    public int bind(PreparedStatement ps, int index, Actor who, Object after, long at) throws SQLException {
        List<String> pieces = pieces(json.writeValueAsString(after));
        ps.setLong(index++, who.orgId());
        ps.setString(index++, who.login());
        for (String piece : pieces) ps.setString(index++, piece);
        ps.setLong(index++, at);
        return index;
    }

    /** The JSON around the filled-in fields. */
    private List<String> pieces(String rendered) {
        List<String> pieces = new ArrayList<>(fields.size() + 1);
        int from = 0;
        for (Field f : fields) {
            int at = rendered.indexOf(f.rendered(), from);
            if (at < 0) throw new IllegalStateException("The audited view no longer renders " + f.rendered());
            pieces.add(rendered.substring(from, at));
            from = at + f.rendered().length();
        }
        pieces.add(rendered.substring(from));
        return pieces;
    }
}
