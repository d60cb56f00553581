package io.sightline.server.timeline;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Timeline events from the audit entries of any object type: an entry of type {@code Task} and
 * action {@code create} is a {@code TaskCreated} event whose details are the object as recorded.
 * A {@link TimelineSource} of another package names its objects of a case and gets their events.
 */
@Component
public class AuditEvents {
    private final JdbcClient jdbc;
    private final JsonMapper json;

    public AuditEvents(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The most recent entries first, at most {@code limit}, of the given objects of one organisation. */
    public List<TimelineEvent> of(long orgId, String entityType, Collection<String> entityIds, int limit) {
        return entries(orgId, entityType, entityIds, limit).stream()
                .map(e -> new TimelineEvent(e.at(), null, entityType + pastTense(e.action()), entityType, e.entityId(),
                        e.after().isEmpty() ? e.before() : e.after()))
                .toList();
    }

    /**
     * The audit entries themselves, most recent first, at most {@code limit}: for a source that
     * tells its events apart by what changed (a task whose status went from Waiting to InProgress).
     */
    public List<Entry> entries(long orgId, String entityType, Collection<String> entityIds, int limit) {
        return entries(orgId, entityType, entityIds, List.of(), limit);
    }

    /**
     * {@link #entries(long, String, Collection, int)} narrowed to some actions (empty: all), for a
     * source whose events are a few actions among many on the same record (the links of a case).
     */
    public List<Entry> entries(long orgId, String entityType, Collection<String> entityIds, Collection<String> actions,
                               int limit) {
        if (entityIds.isEmpty()) return List.of();
        String marks = String.join(", ", entityIds.stream().map(id -> "?").toList());
        var params = new java.util.ArrayList<Object>();
        params.add(orgId);
        params.add(entityType);
        params.addAll(entityIds);
        params.addAll(actions);
        params.add(limit);
        String onlyActions = actions.isEmpty() ? ""
                : " AND action IN (" + String.join(", ", actions.stream().map(a -> "?").toList()) + ")";
        return jdbc.sql("SELECT * FROM audit_log WHERE org_id = ? AND entity = ? AND entity_id IN (" + marks + ")"
                        + onlyActions + " ORDER BY at DESC, id DESC LIMIT ?")
                .params(params)
                .query((rs, i) -> new Entry(rs.getLong("at"), rs.getString("action"), rs.getString("entity_id"),
                        details(rs.getString("before_json")), details(rs.getString("after_json"))))
                .list();
    }

    /** One audit entry: the object as it was before and after (empty maps when not recorded). */
    public record Entry(long at, String action, String entityId, Map<String, Object> before, Map<String, Object> after) {}

    @SuppressWarnings("unchecked")
    private Map<String, Object> details(String recorded) {
        if (recorded == null) return Map.of();
        Object parsed = json.readValue(recorded, Object.class);
        return parsed instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of("value", parsed);
    }

    static String pastTense(String action) {
        String a = action.isEmpty() ? action : Character.toUpperCase(action.charAt(0)) + action.substring(1);
        return a.endsWith("e") ? a + "d" : a + "ed";
    }
}
