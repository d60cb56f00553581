package io.sightline.integrations.opencti;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The GraphQL operations a connector uses, written exactly as pycti 6.8 sends them to OpenCTI
 * 6.x: nothing is requested or sent that a 6.x schema would reject (no {@code jwks}, {@code s3},
 * {@code version}, {@code slug}, {@code isMultiPartWork}).
 */
public final class OpenCtiClient {
    static final String HEALTH_CHECK = "query HealthCheck { about { version } }";
    static final String REGISTER = """
            mutation RegisterConnector($input: RegisterConnectorInput) {
              registerConnector(input: $input) {
                id
                connector_state
                config {
                  connection { host vhost use_ssl port user pass }
                  listen listen_routing listen_exchange push push_routing push_exchange
                }
                connector_user_id
              }
            }""";
    static final String PING = """
            mutation PingConnector($id: ID!, $state: String, $connectorInfo: ConnectorInfoInput) {
              pingConnector(id: $id, state: $state, connectorInfo: $connectorInfo) {
                id
                connector_state
                connector_info { run_and_terminate buffering queue_threshold queue_messages_size next_run_datetime last_run_datetime }
              }
            }""";
    static final String WORK_ADD = """
            mutation WorkAdd($connectorId: String!, $friendlyName: String) {
              workAdd(connectorId: $connectorId, friendlyName: $friendlyName) { id }
            }""";
    static final String WORK_TO_PROCESSED = """
            mutation WorkToProcessed($id: ID!, $message: String, $inError: Boolean) {
              workEdit(id: $id) { toProcessed(message: $message, inError: $inError) }
            }""";
    static final String ADD_EXPECTATIONS = """
            mutation AddExpectations($id: ID!, $expectations: Int) {
              workEdit(id: $id) { addExpectations(expectations: $expectations) }
            }""";
    static final String BUNDLE_PUSH = """
            mutation StixBundlePush($connectorId: String!, $bundle: String!, $work_id: String) {
              stixBundlePush(connectorId: $connectorId, bundle: $bundle, work_id: $work_id)
            }""";
    static final String GET_CONNECTOR = """
            query GetConnector($id: String!) {
              connector(id: $id) { id connector_queue_details { messages_number messages_size } }
            }""";

    private static final DateTimeFormatter PING_TIME = DateTimeFormatter.ISO_INSTANT;

    private final GraphqlTransport transport;
    private final ObjectMapper json;

    public OpenCtiClient(GraphqlTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.json = JsonMapper.builder().build();
    }

    /** {@code about { version }}: proves the URL and token are good. Returns the platform version. */
    public String healthCheck() {
        return execute("HealthCheck", HEALTH_CHECK, json.createObjectNode()).path("about").path("version").asString(null);
    }

    public ConnectorRegistration registerConnector(ConnectorDefinition d) {
        ObjectNode input = json.createObjectNode()
                .put("id", d.id())
                .put("name", d.name())
                .put("type", d.type())
                .put("auto", d.auto())
                .put("auto_update", d.autoUpdate())
                .put("only_contextual", d.onlyContextual())
                .put("playbook_compatible", d.playbookCompatible())
                .put("enrichment_resolution", d.enrichmentResolution())
                .putNull("listen_callback_uri");
        d.scope().forEach(input.putArray("scope")::add);
        ObjectNode vars = json.createObjectNode();
        vars.set("input", input);
        JsonNode r = execute("RegisterConnector", REGISTER, vars).path("registerConnector");
        JsonNode config = r.path("config");
        JsonNode c = config.path("connection");
        MqSettings mq = new MqSettings(c.path("host").asString(null), c.path("port").asInt(5672),
                c.path("vhost").asString("/"), c.path("use_ssl").asBoolean(false),
                c.path("user").asString(null), c.path("pass").asString(null));
        return new ConnectorRegistration(r.path("id").asString(d.id()), textOrNull(r.path("connector_state")),
                textOrNull(r.path("connector_user_id")), mq, config.path("push").asString(null),
                config.path("push_exchange").asString(null), config.path("push_routing").asString(null));
    }

    /** Sends the local state (JSON text, or null) and returns the state the platform holds afterwards. */
    public String pingConnector(String connectorId, String state, ConnectorInfo info) {
        ObjectNode vars = json.createObjectNode().put("id", connectorId);
        if (state == null) vars.putNull("state"); else vars.put("state", state);
        ObjectNode ci = vars.putObject("connectorInfo")
                .put("run_and_terminate", info.runAndTerminate())
                .put("buffering", info.buffering())
                .put("queue_threshold", info.queueThresholdMb())
                .put("queue_messages_size", info.queueMessagesSizeMb());
        putTime(ci, "next_run_datetime", info.nextRun());
        putTime(ci, "last_run_datetime", info.lastRun());
        return textOrNull(execute("PingConnector", PING, vars).path("pingConnector").path("connector_state"));
    }

    public String workAdd(String connectorId, String friendlyName) {
        ObjectNode vars = json.createObjectNode().put("connectorId", connectorId).put("friendlyName", friendlyName);
        String id = textOrNull(execute("WorkAdd", WORK_ADD, vars).path("workAdd").path("id"));
        if (id == null) throw OpenCtiException.graphql("WorkAdd", null, "no work id in the answer");
        return id;
    }

    public void workToProcessed(String workId, String message, boolean inError) {
        ObjectNode vars = json.createObjectNode().put("id", workId).put("message", message).put("inError", inError);
        execute("WorkToProcessed", WORK_TO_PROCESSED, vars);
    }

    public void workAddExpectations(String workId, int expectations) {
        ObjectNode vars = json.createObjectNode().put("id", workId).put("expectations", expectations);
        execute("AddExpectations", ADD_EXPECTATIONS, vars);
    }

    /** API queue protocol: the whole bundle in one mutation, attached to the given work. */
    public void stixBundlePush(String connectorId, String bundleJson, String workId) {
        ObjectNode vars = json.createObjectNode().put("connectorId", connectorId).put("bundle", bundleJson);
        if (workId == null) vars.putNull("work_id"); else vars.put("work_id", workId);
        JsonNode pushed = execute("StixBundlePush", BUNDLE_PUSH, vars).path("stixBundlePush");
        if (!pushed.asBoolean(false)) {
            throw OpenCtiException.graphql("StixBundlePush", null, "the platform did not accept the bundle");
        }
    }

    /** Size in bytes of the messages waiting in the connector's push queue (pycti's buffering check). */
    public long queueMessagesSize(String connectorId) {
        JsonNode details = execute("GetConnector", GET_CONNECTOR, json.createObjectNode().put("id", connectorId))
                .path("connector").path("connector_queue_details");
        return details.path("messages_size").asLong(0);
    }

    ObjectMapper json() {
        return json;
    }

    JsonNode execute(String operation, String query, ObjectNode variables) {
        ObjectNode request = json.createObjectNode().put("operationName", operation).put("query", query);
        request.set("variables", variables);
        GraphqlTransport.Answer reply = transport.post(operation, json.writeValueAsBytes(request));
        JsonNode answer;
        try {
            answer = json.readTree(reply.body());
        } catch (RuntimeException e) {
            throw new OpenCtiException(operation, null, reply.status(), "answer is not JSON: " + abbreviate(reply.body()), e);
        }
        JsonNode errors = answer.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            JsonNode first = errors.get(0);
            String name = textOrNull(first.path("name"));
            if (name == null) name = textOrNull(first.path("extensions").path("code"));
            String message = first.path("message").asString("");
            if (errors.size() > 1) message += " (+" + (errors.size() - 1) + " more)";
            throw new OpenCtiException(operation, name, reply.status(), message, null);
        }
        if (reply.status() != 200) {
            throw new OpenCtiException(operation, null, reply.status(), abbreviate(reply.body()), null);
        }
        JsonNode data = answer.path("data");
        if (!data.isObject()) throw OpenCtiException.graphql(operation, null, "answer has no data");
        return data;
    }

    private static void putTime(ObjectNode node, String field, java.time.Instant t) {
        if (t == null) node.putNull(field); else node.put(field, PING_TIME.format(t.truncatedTo(ChronoUnit.SECONDS)));
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
