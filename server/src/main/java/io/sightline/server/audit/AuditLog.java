package io.sightline.server.audit;

import io.sightline.server.common.Ids;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who changed what and when, with the object before and after. Called inside the transaction of
 * the change, so an entry exists exactly when the change was committed.
 */
@Service
public class AuditLog {
    public record Entry(long id, Long orgId, String actor, String action, String entity, String entityId,
                        String before, String after, long at) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;
    private final Clock clock;
    private final CaseRule cases;

    public AuditLog(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, Clock clock, CaseRule cases) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
        this.clock = clock;
        this.cases = cases;
    }

    public void record(Actor who, String action, String entity, String entityId, Object before, Object after) {
        record(who == null ? null : who.orgId(), who == null ? "system" : who.login(), action, entity, entityId, before, after);
    }

    public void record(Long orgId, String actor, String action, String entity, String entityId, Object before, Object after) {
        write(orgId, actor, action, entity, entityId, null, before, after);
    }

    /**
     * An entry that names another case than its own (a link's target): hidden, like the entries
     * of its own case, from whoever does not see that case.
     */
    public void recordNaming(Actor who, String action, String entity, String entityId, long namedCaseId, Object before,
                             Object after) {
        write(who.orgId(), who.login(), action, entity, entityId, namedCaseId, before, after);
    }

    private void write(Long orgId, String actor, String action, String entity, String entityId, Long namedCaseId,
                       Object before, Object after) {
        EntryCases.Lookup caseOf = EntryCases.of(entity, entityId);
        // a list, not List.of: the organisation, the named case and the JSON may be null
        var params = new java.util.ArrayList<Object>(java.util.Arrays.asList(orgId, actor, action, entity, entityId,
                toJson(before), toJson(after), clock.millis(), namedCaseId));
        params.addAll(java.util.Arrays.asList(caseOf.params()));
        jdbc.sql("""
                INSERT INTO audit_log (org_id, actor, action, entity, entity_id, before_json, after_json, at, named_case_id, case_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, %s)""".formatted(caseOf.sql()))
                .params(params)
                .update();
    }

    /**
     * Records of one kind moved from one case to another in one statement (a case merge): one
     * update entry each, naming both cases, about the case they are in now; written as one batch.
     */
    public void recordMoves(Actor who, String entity, List<Long> ids, long fromCaseId, long toCaseId) {
        AuditBatch moves = batch(who.orgId(), toCaseId, who.login(), "update", entity, clock.millis());
        Map<String, String> before = Map.of("caseId", Ids.format(fromCaseId));
        Map<String, String> after = Map.of("caseId", Ids.format(toCaseId));
        for (long id : ids) moves.add(Ids.format(id), before, after);
        moves.write(template);
    }

    /** Writes the entries of a {@link #batch}, in the caller's transaction. */
    public void write(AuditBatch entries) {
        entries.write(template);
    }

    /**
     * Every entry about a case of the organisation that another one absorbed (a case merge) is
     * from now on about the other one, so that the entries of a restricted case's records stay as
     * hidden as the case they moved to, not shown to all once the absorbed case is deleted. Such
     * entries were all written since the case was created, which bounds the rows read through the
     * trail's (organisation, time) index.
     */
    public void moveEntries(long orgId, long fromCaseId, long createdAt, long toCaseId) {
        jdbc.sql("UPDATE audit_log SET case_id = ? WHERE org_id = ? AND at >= ? AND case_id = ?")
                .params(toCaseId, orgId, createdAt, fromCaseId).update();
        jdbc.sql("UPDATE audit_log SET named_case_id = ? WHERE org_id = ? AND at >= ? AND named_case_id = ?")
                .params(toCaseId, orgId, createdAt, fromCaseId).update();
    }

    /** The entries a reader may see: neither their case nor the case they name is hidden from the user ({@link #reader}). */
    private String visible() {
        return cases.notHidden("a.case_id") + " AND " + cases.notHidden("a.named_case_id");
    }

    /** The parameters of {@link #visible} for the reader {@code userId}: each of its two rules binds the reader. */
    private static List<Object> reader(long userId) {
        return java.util.Collections.nCopies(2 * CaseRule.USER_PARAMETERS, userId);
    }

    /**
     * Entries of one action on many records, to be written together in the caller's transaction.
     *
     * @param caseId the case the records live in, or null
     */
    public AuditBatch batch(long orgId, Long caseId, String actor, String action, String entity, long at) {
        return new AuditBatch(json, orgId, caseId, actor, action, entity, at);
    }

    /**
     * The entry of a record created by another package's one statement: see {@link EmbeddedAuditEntry}.
     * Made once per statement text and kept.
     */
    public EmbeddedAuditEntry embedded(String action, String entity, String source, String entityIdSql, String caseIdSql,
                                       List<EmbeddedAuditEntry.Field> fields) {
        return new EmbeddedAuditEntry(json, action, entity, source, entityIdSql, caseIdSql, fields);
    }

    /**
     * Newest first, without the entries about a case hidden from the reader {@code userId}
     * ({@link CaseRule}, in the statement, so that a page holds up to {@code limit} entries it may
     * see); orgId null means all organisations (platform admins).
     */
    public List<Entry> search(Long orgId, long userId, String entity, String entityId, Long from, Long to, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_log a WHERE ").append(visible());
        var params = new java.util.ArrayList<Object>(reader(userId));
        if (orgId != null) { sql.append(" AND org_id = ?"); params.add(orgId); }
        if (entity != null) { sql.append(" AND entity = ?"); params.add(entity); }
        if (entityId != null) { sql.append(" AND entity_id = ?"); params.add(entityId); }
        if (from != null) { sql.append(" AND at >= ?"); params.add(from); }
        if (to != null) { sql.append(" AND at < ?"); params.add(to); }
        sql.append(" ORDER BY id DESC LIMIT ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, i) -> new Entry(rs.getLong("id"),
                (Long) rs.getObject("org_id", Long.class), rs.getString("actor"), rs.getString("action"),
                rs.getString("entity"), rs.getString("entity_id"), rs.getString("before_json"),
                rs.getString("after_json"), rs.getLong("at"))).list();
    }

    /**
     * The entries of several records of one organisation, newest first, at most {@code limit}: a
     * case with its observables and their analyzer jobs, for one history. Record ids are grouped
     * by entity ("observable" → its ids); an entity without ids adds nothing. Entries about a case
     * hidden from the reader {@code userId} are left out, as in {@link #search}.
     */
    public List<Entry> ofRecords(long orgId, long userId, Map<String, ? extends java.util.Collection<String>> idsByEntity,
                                 int limit) {
        var params = new java.util.ArrayList<Object>();
        params.add(orgId);
        params.addAll(reader(userId));
        List<String> groups = new java.util.ArrayList<>();
        idsByEntity.forEach((entity, ids) -> {
            if (ids.isEmpty()) return;
            groups.add("(entity = ? AND entity_id IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + "))");
            params.add(entity);
            params.addAll(ids);
        });
        if (groups.isEmpty()) return List.of();
        return jdbc.sql("SELECT * FROM audit_log a WHERE org_id = ? AND " + visible()
                        + " AND (" + String.join(" OR ", groups)
                        + ") ORDER BY id DESC LIMIT " + Math.max(1, limit))
                .params(params).query((rs, i) -> new Entry(rs.getLong("id"),
                        (Long) rs.getObject("org_id", Long.class), rs.getString("actor"), rs.getString("action"),
                        rs.getString("entity"), rs.getString("entity_id"), rs.getString("before_json"),
                        rs.getString("after_json"), rs.getLong("at"))).list();
    }

    private String toJson(Object o) {
        if (o == null) return null;
        if (o instanceof Map<?, ?> m && m.isEmpty()) return null;
        return json.writeValueAsString(o);
    }
}
