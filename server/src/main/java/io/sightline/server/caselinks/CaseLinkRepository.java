package io.sightline.server.caselinks;

import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseVisibility;
import io.sightline.server.query.SqlCondition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code case_link} table: its only writer. A linked case's number and title are read with each
 * link; a caller's lists leave out the links to cases hidden from them ({@link CaseVisibility}).
 */
@Repository
public class CaseLinkRepository {
    private static final String SELECT = """
            SELECT l.id, l.case_id, l.link_type, l.linked_case_id, l.url, c.number, c.title
            FROM case_link l LEFT JOIN case_record c ON c.id = l.linked_case_id""";
    private static final RowMapper<CaseLink> ROW = (rs, i) -> new CaseLink(rs.getLong("id"), rs.getLong("case_id"),
            rs.getString("link_type"), rs.getObject("linked_case_id", Long.class), rs.getObject("number", Long.class),
            rs.getString("title"), rs.getString("url"));

    private final JdbcClient jdbc;

    public CaseLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The links of a case the caller sees, oldest first. */
    public List<CaseLink> ofCase(Principal caller, long caseId) {
        return ofCases(caller, List.of(caseId)).getOrDefault(caseId, List.of());
    }

    /** The links of many cases with one query (a page of a query's answer), by case id; cases without links are absent. */
    public Map<Long, List<CaseLink>> ofCases(Principal caller, Collection<Long> caseIds) {
        if (caseIds.isEmpty()) return Map.of();
        SqlCondition visible = CaseVisibility.of("c", caller);
        List<Object> params = new ArrayList<>(caseIds);
        params.addAll(visible.params());
        String marks = String.join(", ", java.util.Collections.nCopies(caseIds.size(), "?"));
        return jdbc.sql(SELECT + " WHERE l.case_id IN (" + marks + ") AND (l.linked_case_id IS NULL OR " + visible.sql() + ")"
                        + " ORDER BY l.id")
                .params(params).query(ROW).list().stream()
                .collect(Collectors.groupingBy(CaseLink::caseId));
    }

    public Optional<CaseLink> findToCase(long caseId, long linkedCaseId, String linkType) {
        return jdbc.sql(SELECT + " WHERE l.case_id = ? AND l.linked_case_id = ? AND l.link_type = ?")
                .params(caseId, linkedCaseId, linkType).query(ROW).optional();
    }

    public Optional<CaseLink> findToUrl(long caseId, String url, String linkType) {
        return jdbc.sql(SELECT + " WHERE l.case_id = ? AND l.url = ? AND l.link_type = ?")
                .params(caseId, url, linkType).query(ROW).optional();
    }

    public void insert(long orgId, long caseId, Long linkedCaseId, String url, String linkType, String by, long at) {
        jdbc.sql("""
                INSERT INTO case_link (org_id, case_id, linked_case_id, url, link_type, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(orgId, caseId, linkedCaseId, url, linkType, by, at).update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM case_link WHERE id = ?").param(id).update();
    }

    /** The link types the organisation's links use, in alphabetical order. */
    public List<String> typesOf(long orgId) {
        return jdbc.sql("SELECT DISTINCT link_type FROM case_link WHERE org_id = ? ORDER BY link_type")
                .param(orgId).query(String.class).list();
    }

    /**
     * Moves the links of merged cases to the case they became, one original at a time: its own links
     * but those to another original (which would point at the merged case itself), and the links
     * other cases hold to it. A link the holder already has (same target, same type) stays behind
     * and goes with the original when it is deleted. Answers the links moved, as they read now.
     */
    public List<CaseLink> moveToCase(long orgId, List<Long> fromCaseIds, long toCaseId) {
        List<Long> merged = new ArrayList<>(fromCaseIds);
        merged.add(toCaseId);
        String marks = String.join(", ", java.util.Collections.nCopies(merged.size(), "?"));
        List<Long> moved = new ArrayList<>();
        for (long from : fromCaseIds) {
            // both statements bind the organisation, the original, the merged cases and the merged case
            List<Object> params = new ArrayList<>(List.of(orgId, from));
            params.addAll(merged);
            params.add(toCaseId);
            moved.addAll(setWhere("case_id", toCaseId, jdbc.sql("""
                    SELECT l.id FROM case_link l WHERE l.org_id = ? AND l.case_id = ?
                    AND (l.linked_case_id IS NULL OR l.linked_case_id NOT IN (%s))
                    AND NOT EXISTS (SELECT 1 FROM case_link d WHERE d.case_id = ? AND d.link_type = l.link_type
                                    AND (d.linked_case_id = l.linked_case_id OR d.url = l.url))""".formatted(marks))
                    .params(params).query(Long.class).list()));
            moved.addAll(setWhere("linked_case_id", toCaseId, jdbc.sql("""
                    SELECT l.id FROM case_link l WHERE l.org_id = ? AND l.linked_case_id = ? AND l.case_id NOT IN (%s)
                    AND NOT EXISTS (SELECT 1 FROM case_link d WHERE d.case_id = l.case_id AND d.linked_case_id = ?
                                    AND d.link_type = l.link_type)""".formatted(marks))
                    .params(params).query(Long.class).list()));
        }
        if (moved.isEmpty()) return List.of();
        return jdbc.sql(SELECT + " WHERE l.id IN (:ids) ORDER BY l.id").param("ids", moved).query(ROW).list();
    }

    private List<Long> setWhere(String column, long caseId, List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE case_link SET " + column + " = :target WHERE id IN (:ids)").param("target", caseId).param("ids", ids).update();
        }
        return ids;
    }
}
