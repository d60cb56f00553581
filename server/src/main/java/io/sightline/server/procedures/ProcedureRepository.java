package io.sightline.server.procedures;

import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseVisibility;
import io.sightline.server.query.SqlCondition;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The only writer of {@code procedure_record}. */
@Repository
public class ProcedureRepository {
    private static final String SELECT = """
            SELECT pr.*, ap.name AS pattern_name FROM procedure_record pr
            LEFT JOIN attack_pattern ap ON ap.pattern_id = pr.pattern_id""";
    private static final RowMapper<ProcedureRecord> ROW = (rs, i) -> new ProcedureRecord(rs.getLong("id"),
            rs.getLong("org_id"), rs.getObject("case_id", Long.class), rs.getObject("alert_id", Long.class),
            rs.getString("pattern_id"), rs.getString("pattern_name"), rs.getString("tactic"), rs.getLong("occur_date"),
            rs.getString("description"), rs.getString("created_by"), rs.getLong("created_at"),
            rs.getString("updated_by"), rs.getObject("updated_at", Long.class));

    private final JdbcClient jdbc;

    public ProcedureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long orgId, Long caseId, Long alertId, NewProcedure p, String createdBy, long now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO procedure_record (org_id, case_id, alert_id, pattern_id, tactic, occur_date, description,
                  created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(orgId, caseId, alertId, p.patternId(), p.tactic(), p.occurDate(), p.description(), createdBy, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** A technique an imported alert names (a MISP galaxy tag), to record as a procedure of it. */
    public record Imported(long orgId, long alertId, String patternId, long occurDate) {}

    /**
     * Records the imported techniques the alert has no procedure of yet; a technique missing from
     * the catalogue is left out (the alert keeps the tag). Returns the ids of the procedures added.
     */
    List<Long> insertImported(List<Imported> rows, String createdBy, long now) {
        List<Long> added = new java.util.ArrayList<>();
        for (Imported r : rows) {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO procedure_record (org_id, alert_id, pattern_id, occur_date, description, created_by, created_at)
                    SELECT ?, ?, ap.pattern_id, ?, ?, ?, ? FROM attack_pattern ap WHERE ap.pattern_id = ?
                      AND NOT EXISTS (SELECT 1 FROM procedure_record pr WHERE pr.alert_id = ? AND pr.pattern_id = ap.pattern_id)""")
                    .params(r.orgId(), r.alertId(), r.occurDate(), "From a MISP galaxy tag", createdBy, now, r.patternId(),
                            r.alertId())
                    .update(keys, "id");
            for (var key : keys.getKeyList()) added.add(((Number) key.values().iterator().next()).longValue());
        }
        return added;
    }

    /** A procedure the caller sees: of their organisation and not in a case hidden from them ({@link CaseVisibility}). */
    public Optional<ProcedureRecord> findVisible(Principal caller, long id) {
        SqlCondition visible = CaseVisibility.belowCases("pr", "pr.case_id", caller).and("pr.id = ?", id);
        return jdbc.sql(SELECT + " WHERE " + visible.sql()).params(visible.params()).query(ROW).optional();
    }

    /** For the query engine, which checked the organisation already. */
    public List<ProcedureRecord> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql(SELECT + " WHERE pr.id IN (:ids)").param("ids", ids).query(ROW).list();
    }

    public List<ProcedureRecord> ofCase(long caseId) {
        return jdbc.sql(SELECT + " WHERE pr.case_id = ? ORDER BY pr.occur_date, pr.id").param(caseId).query(ROW).list();
    }

    public List<ProcedureRecord> ofAlert(long alertId) {
        return jdbc.sql(SELECT + " WHERE pr.alert_id = ? ORDER BY pr.occur_date, pr.id").param(alertId).query(ROW).list();
    }

    public void update(ProcedureRecord p) {
        jdbc.sql("""
                UPDATE procedure_record SET pattern_id = ?, tactic = ?, occur_date = ?, description = ?, updated_by = ?,
                  updated_at = ? WHERE id = ?""")
                .params(p.patternId(), p.tactic(), p.occurDate(), p.description(), p.updatedBy(), p.updatedAt(), p.id())
                .update();
    }

    public void delete(Collection<Long> ids) {
        for (long id : ids) jdbc.sql("DELETE FROM procedure_record WHERE id = ?").param(id).update();
    }

    /** Moves every procedure of a case to another case of the organisation in one statement; answers the ids moved, in order. */
    public java.util.List<Long> moveToCase(long orgId, long fromCaseId, long toCaseId) {
        java.util.List<Long> ids = jdbc.sql("SELECT id FROM procedure_record WHERE org_id = ? AND case_id = ? ORDER BY id")
                .params(orgId, fromCaseId).query(Long.class).list();
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE procedure_record SET case_id = ? WHERE org_id = ? AND case_id = ?").params(toCaseId, orgId, fromCaseId).update();
        }
        return ids;
    }
}
