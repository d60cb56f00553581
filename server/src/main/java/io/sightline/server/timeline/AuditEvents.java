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
        if (entityIds.isEmpty()) return List.of();
        String marks = String.join(", ", entityIds.stream().map(id -> "?").toList());
        var params = new java.util.ArrayList<Object>();
        params.add(orgId);
        params.add(entityType);
        params.addAll(entityIds);
        params.add(limit);
        return jdbc.sql("SELECT * FROM audit_log WHERE org_id = ? AND entity = ? AND entity_id IN (" + marks
                        + ") ORDER BY at DESC, id DESC LIMIT ?")
                .params(params)
                .query((rs, i) -> {
                    String recorded = rs.getString("after_json") != null ? rs.getString("after_json") : rs.getString("before_json");
                    return new TimelineEvent(rs.getLong("at"), null, entityType + pastTense(rs.getString("action")),
                            entityType, rs.getString("entity_id"), details(recorded));
                })
                .list();
    }

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
