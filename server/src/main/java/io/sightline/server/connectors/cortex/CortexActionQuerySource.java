package io.sightline.server.connectors.cortex;

import io.sightline.server.auth.Principal;
import io.sightline.server.query.QueryField;
import io.sightline.server.query.QueryField.Kind;
import io.sightline.server.query.QueryLink;
import io.sightline.server.query.QuerySource;
import io.sightline.server.query.SqlCondition;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Responder actions in {@code /api/v1/query}, as TheHive offers them: {@code listAction},
 * {@code getAction}, and the {@code actions} of a case, task, alert, observable or task log.
 */
@Component
class CortexActionQuerySource implements QuerySource {
    /** TheHive's object type names, from the stored enum names. */
    private static final String OBJECT_TYPE = Arrays.stream(ActionObjectType.values())
            .map(t -> "WHEN '" + t.name() + "' THEN '" + t.theHiveName + "'")
            .collect(Collectors.joining(" ", "CASE t.object_type ", " END"));
    private static final List<QueryField> FIELDS = QueryField.recordFieldsAnd(
            QueryField.column("responderId", "responder_id", Kind.STRING),
            QueryField.column("responderName", "responder_name", Kind.STRING),
            QueryField.column("responderDefinition", "responder_name", Kind.STRING),
            QueryField.column("cortexId", "server_name", Kind.STRING),
            QueryField.column("cortexJobId", "cortex_job_id", Kind.STRING),
            QueryField.computed("objectType", OBJECT_TYPE, Kind.STRING),
            QueryField.column("objectId", "object_id", Kind.ID),
            QueryField.column("status", "status", Kind.STRING),
            QueryField.computed("startDate", "COALESCE(t.start_date, t.created_at)", Kind.NUMBER),
            QueryField.column("endDate", "end_date", Kind.NUMBER));

    private final CortexActionRepository actions;
    private final JsonMapper json;

    CortexActionQuerySource(CortexActionRepository actions, JsonMapper json) {
        this.actions = actions;
        this.json = json;
    }

    @Override public String entity() { return "action"; }
    @Override public String label() { return "Action"; }
    @Override public String table() { return "cortex_action"; }
    @Override public String listStep() { return "listAction"; }
    @Override public Optional<String> getStep() { return Optional.of("getAction"); }
    @Override public List<QueryField> fields() { return FIELDS; }

    /** The organisation's actions, but those on a record of a case hidden from the caller ({@link CortexVisibility}). */
    @Override
    public SqlCondition scope(Principal caller) {
        return CortexVisibility.actions("t", caller);
    }

    @Override
    public List<?> views(List<Long> ids) {
        return QuerySource.inOrderOf(ids, actions.byIds(ids), CortexActionRecord::id).stream()
                .map(a -> CortexActionView.of(a, json)).toList();
    }

    /** The actions run on a record: a case's, a task's, an alert's, an observable's or a task log's {@code actions}. */
    @Override
    public List<QueryLink> linksIn() {
        return List.of(link(ActionObjectType.CASE, "case"), link(ActionObjectType.TASK, "task"), link(ActionObjectType.ALERT, "alert"),
                link(ActionObjectType.OBSERVABLE, "observable"), link(ActionObjectType.LOG, "log"));
    }

    private static QueryLink link(ActionObjectType type, String from) {
        return new QueryLink("actions", from, "t.object_type = '" + type.name() + "' AND t.object_id IN (" + QueryLink.PARENTS + ")");
    }
}
