package io.sightline.testkit.opencti;

import io.sightline.testkit.amqp.AmqpBroker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The emulator's resolvers: one method per root field, answers projected on the selection. */
final class GraphqlResolvers {
    private final OpenCtiEmulator p;

    GraphqlResolvers(OpenCtiEmulator platform) {
        this.p = platform;
    }

    ObjectNode resolveAll(GraphqlRequest doc, JsonNode variables, EmulatedUsers.User caller) {
        ObjectNode data = p.json.createObjectNode();
        for (GraphqlRequest.Field f : doc.rootFields) {
            Args a = new Args(f, variables);
            JsonNode value = switch (f.name()) {
                case "about" -> p.json.createObjectNode().put("version", OpenCtiEmulator.VERSION);
                case "connector" -> {
                    EmulatedConnector c = p.connectors.get(a.string("id"));
                    yield c == null ? null : connectorNode(c);
                }
                case "registerConnector" -> register(a, caller);
                case "groups" -> {
                    requireAdmin(caller);
                    ArrayNode edges = p.json.createArrayNode();
                    p.users.groupsNamed(filterValue(a.node("filters"), "name"))
                            .forEach(g -> edges.addObject().putObject("node").put("id", g.getKey()).put("name", g.getValue()));
                    ObjectNode conn = p.json.createObjectNode();
                    conn.set("edges", edges);
                    yield conn;
                }
                case "users" -> {
                    requireAdmin(caller);
                    ArrayNode edges = p.json.createArrayNode();
                    p.users.byEmail(filterValue(a.node("filters"), "user_email"))
                            .ifPresent(u -> edges.addObject().set("node", userNode(u)));
                    ObjectNode conn = p.json.createObjectNode();
                    conn.set("edges", edges);
                    yield conn;
                }
                case "user" -> {
                    requireAdmin(caller);
                    yield p.users.byId(a.string("id")).map(this::userNode).orElse(null);
                }
                case "userAdd" -> userAdd(a, caller);
                case "pingConnector" -> ping(a);
                case "resetStateConnector" -> {
                    p.resetState(a.string("id"));
                    yield connectorNode(p.requireConnector(a.string("id")));
                }
                case "deleteConnector" -> {
                    p.connectors.remove(a.string("id"));
                    yield p.json.getNodeFactory().stringNode(a.string("id"));
                }
                case "workAdd" -> {
                    EmulatedConnector c = p.requireConnector(a.string("connectorId"));
                    yield p.json.createObjectNode().put("id", p.createWork(c.id, a.string("friendlyName")).id);
                }
                case "workEdit" -> workEdit(p.requireWork(a.string("id")), f, variables);
                case "work" -> {
                    EmulatedWork w = p.works.get(a.string("id"));
                    yield w == null ? null : workNode(w);
                }
                case "stixBundlePush" -> p.json.getNodeFactory().booleanNode(bundlePush(a));
                default -> throw new GraphqlError("GRAPHQL_VALIDATION_FAILED", "Unsupported field " + f.name());
            };
            data.set(f.responseKey(), project(value, f.selection()));
        }
        return data;
    }

    private void requireAdmin(EmulatedUsers.User caller) {
        if (!caller.admin()) throw new GraphqlError("FORBIDDEN_ACCESS", "You are not allowed to do this.");
    }

    /** The single value of a FilterGroup filter on {@code key}, or null when there is none. */
    private static String filterValue(JsonNode filterGroup, String key) {
        if (filterGroup == null) return null;
        for (JsonNode f : filterGroup.path("filters")) {
            if (key.equals(f.path("key").isArray() ? f.path("key").path(0).asString("") : f.path("key").asString(""))) {
                return f.path("values").path(0).asString(null);
            }
        }
        return null;
    }

    private JsonNode userAdd(Args a, EmulatedUsers.User caller) {
        requireAdmin(caller);
        JsonNode input = a.node("input");
        OpenCti6Schema.checkInput(a.variableName("input"), "UserAddInput", input);
        if (input == null || input.isNull()) throw new GraphqlError("BAD_USER_INPUT", "input is required");
        List<String> groups = new ArrayList<>();
        input.path("groups").forEach(g -> groups.add(g.asString()));
        JsonNode confidence = input.path("user_confidence_level").path("max_confidence");
        EmulatedUsers.User u = p.users.add(input.path("name").asString(), input.path("user_email").asString(),
                input.path("user_service_account").asBoolean(false), confidence.isNumber() ? confidence.asInt() : null, groups);
        return userNode(u);
    }

    private ObjectNode userNode(EmulatedUsers.User u) {
        ObjectNode n = p.json.createObjectNode().put("id", u.id()).put("name", u.name()).put("user_email", u.email())
                .put("api_token", u.token()).put("user_service_account", u.serviceAccount());
        if (u.maxConfidence() != null) n.putObject("user_confidence_level").put("max_confidence", u.maxConfidence());
        ArrayNode edges = n.putObject("groups").putArray("edges");
        u.groupIds().forEach(g -> edges.addObject().putObject("node").put("id", g).put("name", p.users.groupName(g)));
        return n;
    }

    private JsonNode register(Args a, EmulatedUsers.User caller) {
        JsonNode input = a.node("input");
        OpenCti6Schema.checkInput(a.variableName("input"), "RegisterConnectorInput", input);
        if (input == null || input.isNull()) throw new GraphqlError("BAD_USER_INPUT", "input is required");
        String id = input.path("id").asString();
        String name = input.path("name").asString("");
        if (name.isBlank() || name.length() < 2) throw new GraphqlError("FUNCTIONAL_ERROR", "Connector name must have at least 2 characters");
        EmulatedConnector c = p.connectors.computeIfAbsent(id, k -> new EmulatedConnector(k, UUID.randomUUID().toString()));
        c.name = name;
        // OpenCTI attaches the connector to the user that registers it; its bundles are imported as that user.
        c.userId = caller.id();
        c.type = input.path("type").asString();
        List<String> scope = new ArrayList<>();
        input.path("scope").forEach(s -> scope.add(s.asString()));
        c.scope = scope;
        c.registrations++;
        c.lastSeen = Instant.now();
        p.declarePushQueue(id);
        return connectorNode(c);
    }

    private JsonNode ping(Args a) {
        EmulatedConnector c = p.requireConnector(a.string("id"));
        JsonNode info = a.node("connectorInfo");
        OpenCti6Schema.checkInput(a.variableName("connectorInfo"), "ConnectorInfoInput", info);
        synchronized (c) {
            if (c.resetPending) {
                // The platform consumes the reset flag and ignores the state the connector sent.
                c.resetPending = false;
            } else {
                c.state = a.string("state");
            }
            if (info != null && !info.isNull()) c.info = info;
            c.pings++;
            c.lastSeen = Instant.now();
        }
        return connectorNode(c);
    }

    private ObjectNode workEdit(EmulatedWork w, GraphqlRequest.Field edit, JsonNode variables) {
        ObjectNode out = p.json.createObjectNode();
        for (GraphqlRequest.Field action : edit.selection()) {
            Args a = new Args(action, variables);
            synchronized (w) {
                switch (action.name()) {
                    case "toProcessed" -> {
                        w.markedProcessed = true;
                        w.inError |= a.bool("inError");
                        if (a.string("message") != null) w.messages.add(a.string("message"));
                    }
                    case "toReceived" -> { if (a.string("message") != null) w.messages.add(a.string("message")); }
                    case "addExpectations" -> w.expected += a.node("expectations").asLong(0);
                    case "reportExpectation" -> w.processed++;
                    case "delete" -> p.works.remove(w.id);
                    default -> { }
                }
            }
            p.touch();
            out.put(action.responseKey(), w.id);
        }
        return out;
    }

    private boolean bundlePush(Args a) {
        JsonNode bundle;
        try {
            bundle = p.json.readTree(a.string("bundle"));
        } catch (RuntimeException e) {
            throw new GraphqlError("FUNCTIONAL_ERROR", "Invalid bundle");
        }
        if (!"bundle".equals(bundle.path("type").asString("")) || bundle.path("objects").isEmpty()) {
            throw new GraphqlError("FUNCTIONAL_ERROR", "Invalid bundle");
        }
        EmulatedConnector c = p.connectors.get(a.string("connectorId"));
        if (c == null) throw new GraphqlError("FUNCTIONAL_ERROR", "Invalid connector");
        String workId = a.string("work_id");
        EmulatedWork w = workId == null || workId.isEmpty()
                ? p.createWork(c.id, c.name + " run @ " + Instant.now()) : p.requireWork(workId);
        int n = bundle.path("objects").size();
        p.received.apiBundle(w.id, bundle);
        synchronized (w) {
            // The worker splits the queued bundle and processes each piece.
            w.expected += n;
            w.processed += n;
        }
        p.touch();
        return true;
    }

    private ObjectNode connectorNode(EmulatedConnector c) {
        ObjectNode n = p.json.createObjectNode()
                .put("id", c.id).put("name", c.name).put("active", true).put("auto", false)
                .put("only_contextual", false).put("connector_type", c.type).put("built_in", false)
                .put("connector_state", c.state).put("connector_user_id", c.userId)
                .put("updated_at", Instant.now().toString()).put("created_at", Instant.now().toString());
        c.scope.forEach(n.putArray("connector_scope")::add);
        n.set("connector_info", c.info == null ? p.json.nullNode() : c.info);
        n.putObject("connector_queue_details")
                .put("messages_number", p.queueMessagesNumber(c.id))
                .put("messages_size", c.queueMessagesSize);
        ObjectNode config = n.putObject("config");
        AmqpBroker b = p.broker();
        ObjectNode conn = config.putObject("connection");
        conn.put("host", b == null ? "rabbitmq.invalid" : b.host()).put("port", b == null ? 5672 : b.port())
                .put("vhost", b == null ? "/" : b.vhost()).put("use_ssl", false)
                .put("user", b == null ? "guest" : b.user()).put("pass", b == null ? "guest" : b.password());
        config.put("push", AmqpPushConsumer.pushQueue(c.id))
                .put("push_routing", AmqpPushConsumer.pushRouting(c.id))
                .put("push_exchange", AmqpPushConsumer.PUSH_EXCHANGE)
                .put("listen", "listen_" + c.id).put("listen_routing", "listen_routing_" + c.id)
                .put("listen_exchange", "amqp.connector.exchange");
        return n;
    }

    private ObjectNode workNode(EmulatedWork w) {
        EmulatedWork.View v = w.view();
        return p.json.createObjectNode().put("id", v.id()).put("name", v.name()).put("status", v.status())
                .put("connector_id", v.connectorId()).put("import_expected_number", v.expected())
                .put("import_processed_number", v.processed());
    }

    private JsonNode project(JsonNode value, List<GraphqlRequest.Field> selection) {
        if (value == null || value.isNull()) return p.json.nullNode();
        if (selection.isEmpty() || !value.isObject()) return value;
        ObjectNode out = p.json.createObjectNode();
        for (GraphqlRequest.Field f : selection) out.set(f.responseKey(), project(value.get(f.name()), f.selection()));
        return out;
    }

    /** Argument access resolving {@code $variables}. */
    private final class Args {
        private final GraphqlRequest.Field field;
        private final JsonNode variables;

        Args(GraphqlRequest.Field field, JsonNode variables) {
            this.field = field;
            this.variables = variables;
        }

        JsonNode node(String name) {
            GraphqlRequest.Value v = field.arguments().get(name);
            if (v == null) return null;
            if (v.variable() != null) return variables.get(v.variable());
            return p.json.valueToTree(v.literal());
        }

        String variableName(String name) {
            GraphqlRequest.Value v = field.arguments().get(name);
            return v == null || v.variable() == null ? name : v.variable();
        }

        String string(String name) {
            JsonNode n = node(name);
            return n == null || n.isNull() ? null : n.asString();
        }

        boolean bool(String name) {
            JsonNode n = node(name);
            return n != null && n.asBoolean(false);
        }
    }
}
