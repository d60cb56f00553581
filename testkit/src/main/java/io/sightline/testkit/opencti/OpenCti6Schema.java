package io.sightline.testkit.opencti;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of OpenCTI 6.x's GraphQL schema that connectors touch, strict like the real server:
 * a field or input field unknown to 6.x (7.x's {@code jwks}, {@code s3}, {@code version},
 * {@code slug}, {@code isMultiPartWork}) is a validation error, not silently ignored.
 */
final class OpenCti6Schema {
    private OpenCti6Schema() {}

    /** A field: its type (null for a scalar) and the arguments it accepts. */
    record FieldDef(String type, Set<String> args) {
        static FieldDef scalar(String... args) {
            return new FieldDef(null, Set.of(args));
        }

        static FieldDef object(String type, String... args) {
            return new FieldDef(type, Set.of(args));
        }
    }

    static final Map<String, Map<String, FieldDef>> TYPES = Map.ofEntries(
            Map.entry("Query", Map.of(
                    "about", FieldDef.object("AppInfo"),
                    "connector", FieldDef.object("Connector", "id"),
                    "work", FieldDef.object("Work", "id"),
                    // Users and groups, as pycti 7's service-account set-up queries them.
                    "groups", FieldDef.object("GroupConnection", "first", "after", "orderBy", "orderMode", "search", "filters"),
                    "users", FieldDef.object("UserConnection", "first", "after", "orderBy", "orderMode", "filters", "search"),
                    "user", FieldDef.object("User", "id"))),
            Map.entry("Mutation", Map.of(
                    "userAdd", FieldDef.object("User", "input"),
                    "registerConnector", FieldDef.object("Connector", "input"),
                    "pingConnector", FieldDef.object("Connector", "id", "state", "connectorInfo"),
                    "resetStateConnector", FieldDef.object("Connector", "id"),
                    "deleteConnector", FieldDef.scalar("id"),
                    "workAdd", FieldDef.object("Work", "connectorId", "friendlyName"),
                    "workEdit", FieldDef.object("WorkEditMutations", "id"),
                    "stixBundlePush", FieldDef.scalar("connectorId", "bundle", "work_id"))),
            Map.entry("AppInfo", Map.of("version", FieldDef.scalar())),
            Map.entry("GroupConnection", Map.of("edges", FieldDef.object("GroupEdge"))),
            Map.entry("GroupEdge", Map.of("node", FieldDef.object("Group"), "cursor", FieldDef.scalar())),
            Map.entry("Group", scalars("id", "name", "description")),
            Map.entry("UserConnection", Map.of("edges", FieldDef.object("UserEdge"))),
            Map.entry("UserEdge", Map.of("node", FieldDef.object("User"), "cursor", FieldDef.scalar())),
            Map.entry("User", Map.of("id", FieldDef.scalar(), "name", FieldDef.scalar(), "user_email", FieldDef.scalar(),
                    "api_token", FieldDef.scalar(), "user_service_account", FieldDef.scalar(),
                    "user_confidence_level", FieldDef.object("ConfidenceLevel"), "groups", FieldDef.object("GroupConnection"))),
            Map.entry("ConfidenceLevel", scalars("max_confidence")),
            Map.entry("Connector", Map.ofEntries(
                    Map.entry("id", FieldDef.scalar()), Map.entry("name", FieldDef.scalar()),
                    Map.entry("active", FieldDef.scalar()), Map.entry("auto", FieldDef.scalar()),
                    Map.entry("only_contextual", FieldDef.scalar()), Map.entry("connector_type", FieldDef.scalar()),
                    Map.entry("connector_scope", FieldDef.scalar()), Map.entry("connector_state", FieldDef.scalar()),
                    Map.entry("connector_user_id", FieldDef.scalar()), Map.entry("updated_at", FieldDef.scalar()),
                    Map.entry("created_at", FieldDef.scalar()), Map.entry("built_in", FieldDef.scalar()),
                    Map.entry("connector_info", FieldDef.object("ConnectorInfo")),
                    Map.entry("connector_queue_details", FieldDef.object("ConnectorQueueDetails")),
                    Map.entry("config", FieldDef.object("ConnectorConfig")))),
            Map.entry("ConnectorConfig", Map.of(
                    "connection", FieldDef.object("RabbitMQConnection"),
                    "listen", FieldDef.scalar(), "listen_routing", FieldDef.scalar(), "listen_exchange", FieldDef.scalar(),
                    "push", FieldDef.scalar(), "push_routing", FieldDef.scalar(), "push_exchange", FieldDef.scalar())),
            Map.entry("RabbitMQConnection", Map.of(
                    "host", FieldDef.scalar(), "vhost", FieldDef.scalar(), "use_ssl", FieldDef.scalar(),
                    "port", FieldDef.scalar(), "user", FieldDef.scalar(), "pass", FieldDef.scalar())),
            Map.entry("ConnectorInfo", scalars("run_and_terminate", "buffering", "queue_threshold", "queue_messages_size",
                    "next_run_datetime", "last_run_datetime")),
            Map.entry("ConnectorQueueDetails", scalars("messages_number", "messages_size")),
            Map.entry("Work", scalars("id", "name", "status", "connector_id", "timestamp", "received_time", "processed_time",
                    "completed_time", "import_expected_number", "import_processed_number")),
            Map.entry("WorkEditMutations", Map.of(
                    "delete", FieldDef.scalar(), "ping", FieldDef.scalar(),
                    "reportExpectation", FieldDef.scalar("error"),
                    "addExpectations", FieldDef.scalar("expectations"),
                    "addDraftContext", FieldDef.scalar("draftContext"),
                    "toReceived", FieldDef.scalar("message"),
                    "toProcessed", FieldDef.scalar("message", "inError"))));

    /** Input object types: allowed fields and the required ones. */
    record InputDef(Set<String> fields, List<String> required) {}

    static final Map<String, InputDef> INPUTS = Map.of(
            "RegisterConnectorInput", new InputDef(Set.of("id", "name", "type", "scope", "auto", "auto_update",
                    "only_contextual", "playbook_compatible", "enrichment_resolution", "listen_callback_uri"),
                    List.of("id", "name", "type")),
            "ConnectorInfoInput", new InputDef(Set.of("run_and_terminate", "buffering", "queue_threshold",
                    "queue_messages_size", "next_run_datetime", "last_run_datetime"),
                    List.of("run_and_terminate", "buffering", "queue_threshold", "queue_messages_size")),
            "UserAddInput", new InputDef(Set.of("user_email", "name", "password", "firstname", "lastname", "description",
                    "language", "theme", "objectOrganization", "account_status", "account_lock_after_date", "unit_system",
                    "submenu_show_icons", "submenu_auto_collapse", "monochrome_labels", "groups", "user_confidence_level",
                    "user_service_account", "prevent_default_groups"),
                    List.of("user_email", "name")));

    private static Map<String, FieldDef> scalars(String... names) {
        java.util.Map<String, FieldDef> out = new java.util.HashMap<>();
        for (String n : names) out.put(n, FieldDef.scalar());
        return Map.copyOf(out);
    }

    /** Checks every field and argument of the request against the schema, like GraphQL validation. */
    static void validate(GraphqlRequest request) {
        String root = "mutation".equals(request.operationType) ? "Mutation" : "Query";
        checkSelection(root, request.rootFields);
    }

    private static void checkSelection(String type, List<GraphqlRequest.Field> fields) {
        Map<String, FieldDef> defs = TYPES.get(type);
        for (GraphqlRequest.Field f : fields) {
            FieldDef def = defs.get(f.name());
            if (def == null) {
                throw new GraphqlError("GRAPHQL_VALIDATION_FAILED",
                        "Cannot query field \"" + f.name() + "\" on type \"" + type + "\".");
            }
            for (String arg : f.arguments().keySet()) {
                if (!def.args().contains(arg)) {
                    throw new GraphqlError("GRAPHQL_VALIDATION_FAILED",
                            "Unknown argument \"" + arg + "\" on field \"" + type + "." + f.name() + "\".");
                }
            }
            if (def.type() == null && !f.selection().isEmpty()) {
                throw new GraphqlError("GRAPHQL_VALIDATION_FAILED",
                        "Field \"" + f.name() + "\" must not have a selection since its type is a scalar.");
            }
            if (def.type() != null) {
                if (f.selection().isEmpty()) {
                    throw new GraphqlError("GRAPHQL_VALIDATION_FAILED",
                            "Field \"" + f.name() + "\" of type \"" + def.type() + "\" must have a selection of subfields.");
                }
                checkSelection(def.type(), f.selection());
            }
        }
    }

    /** Variable coercion of an input object, with the real server's wording. */
    static void checkInput(String variable, String inputType, tools.jackson.databind.JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) return;
        InputDef def = INPUTS.get(inputType);
        if (!value.isObject()) {
            throw new GraphqlError("BAD_USER_INPUT", "Variable \"$" + variable + "\" got invalid value; Expected type \"" + inputType + "\" to be an object.");
        }
        for (String field : value.propertyNames()) {
            if (!def.fields().contains(field)) {
                throw new GraphqlError("BAD_USER_INPUT", "Variable \"$" + variable + "\" got invalid value; Field \""
                        + field + "\" is not defined by type \"" + inputType + "\".");
            }
        }
        for (String field : def.required()) {
            if (value.path(field).isNull() || value.path(field).isMissingNode()) {
                throw new GraphqlError("BAD_USER_INPUT", "Variable \"$" + variable + "\" got invalid value; Field \""
                        + field + "\" of required type was not provided.");
            }
        }
    }
}
