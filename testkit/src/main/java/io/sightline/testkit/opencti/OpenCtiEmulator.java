package io.sightline.testkit.opencti;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sightline.testkit.amqp.AmqpBroker;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenCTI 6.x platform as a connector sees it: {@code POST /graphql} with the connector
 * operations (strictly validated against the 6.x schema), a connector registry with state and the
 * UI's "reset state", works with expectations, {@code stixBundlePush}, and, when given a broker,
 * the push queues plus a worker consuming them. Inspection methods let tests see what arrived.
 */
public final class OpenCtiEmulator implements AutoCloseable {
    public static final String VERSION = "6.8.10";
    /** OpenCTI's default {@code app:max_payload_body_size} (50mb). */
    public static final long DEFAULT_MAX_BODY = 50L * 1024 * 1024;

    final ObjectMapper json = JsonMapper.builder().build();
    final Map<String, EmulatedConnector> connectors = new ConcurrentHashMap<>();
    final Map<String, EmulatedWork> works = new ConcurrentHashMap<>();
    final Received received = new Received();
    private final HttpServer server;
    final EmulatedUsers users;
    private final AmqpBroker broker;
    private final AmqpPushConsumer amqp;
    private final GraphqlResolvers resolvers;
    private final AtomicInteger workSeq = new AtomicInteger();
    private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());
    private volatile long maxBodyBytes = DEFAULT_MAX_BODY;
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    private OpenCtiEmulator(String token, AmqpBroker broker, boolean consume) throws IOException {
        this.users = new EmulatedUsers(token);
        this.broker = broker;
        this.amqp = broker == null ? null : new AmqpPushConsumer(broker, json, this::onPushMessage, consume);
        this.resolvers = new GraphqlResolvers(this);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/graphql", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** Starts the platform; with a broker, registration hands it out and pushed messages are consumed. */
    public static OpenCtiEmulator start(String token, AmqpBroker broker) {
        return start(token, broker, true);
    }

    /**
     * @param consume false to leave pushed messages in the broker (no worker), e.g. to measure the
     *                connector alone; {@link #pushQueueDepth} then tells how many arrived
     */
    public static OpenCtiEmulator start(String token, AmqpBroker broker, boolean consume) {
        try {
            return new OpenCtiEmulator(token, broker, consume);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the OpenCTI emulator", e);
        }
    }

    /** The platform URL, what {@code OPENCTI_URL} is set to. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    // ---- test hooks -------------------------------------------------------------------------

    /** What a user does with "Reset the connector state" in the UI ({@code resetStateConnector}). */
    public void resetState(String connectorId) {
        EmulatedConnector c = requireConnector(connectorId);
        c.state = "";
        c.resetPending = true;
    }

    /** The state text stored for the connector ({@code null} if never set, {@code ""} after a reset). */
    public String state(String connectorId) {
        return requireConnector(connectorId).state;
    }

    public boolean isRegistered(String connectorId) {
        return connectors.containsKey(connectorId);
    }

    public int pings(String connectorId) {
        return requireConnector(connectorId).pings;
    }

    public int registrations(String connectorId) {
        return requireConnector(connectorId).registrations;
    }

    /** The last {@code connectorInfo} a ping carried, as JSON. */
    public JsonNode connectorInfo(String connectorId) {
        return requireConnector(connectorId).info;
    }

    /** Size (bytes) the {@code connector(id)} query reports for the push queue, to test the threshold skip. */
    public void setQueueMessagesSize(String connectorId, long bytes) {
        requireConnector(connectorId).queueMessagesSize = bytes;
    }

    public void setMaxBodyBytes(long bytes) {
        this.maxBodyBytes = bytes;
    }

    /** The next {@code times} calls of the operation (root field, e.g. {@code workAdd}) answer a GraphQL error. */
    public void failNext(String rootField, int times) {
        failures.put(rootField, new AtomicInteger(times));
    }

    /** Messages waiting in the connector's push queue on the broker. */
    public long pushQueueDepth(String connectorId) {
        return queueMessagesNumber(connectorId);
    }

    /** Deletes the connector's push queue from the broker. */
    public void deletePushQueue(String connectorId) {
        if (amqp != null) amqp.deleteQueue(connectorId);
    }

    /** Removes a group (e.g. the built-in {@code Connectors}) as an administrator could. */
    public void removeGroup(String name) {
        users.removeGroup(name);
    }

    /** A user as the platform holds it: what a service-account set-up created. */
    public record UserView(String id, String name, String email, boolean serviceAccount, Integer maxConfidence,
                           List<String> groups) {}

    public java.util.Optional<UserView> user(String name) {
        return users.byName(name).map(u -> new UserView(u.id(), u.name(), u.email(), u.serviceAccount(), u.maxConfidence(),
                u.groupIds().stream().map(users::groupName).toList()));
    }

    /** The GraphQL root fields (e.g. {@code registerConnector}, {@code workAdd}) called with this user's token, in order. */
    public List<String> fieldsCalledBy(String userName) {
        return users.fieldsCalledBy(userName);
    }

    /** The user OpenCTI attached to the connector: the one whose token registered it. */
    public String connectorUserId(String connectorId) {
        return requireConnector(connectorId).userId;
    }

    /** All works, oldest first. */
    public List<EmulatedWork.View> works() {
        List<EmulatedWork> all = new ArrayList<>(works.values());
        all.sort(Comparator.comparing((EmulatedWork w) -> w.createdAt).thenComparing(w -> w.id));
        return all.stream().map(EmulatedWork::view).toList();
    }

    public Received received() {
        return received;
    }

    /**
     * Waits until the worker has been idle for a moment and every work the connector closed has
     * completed; returns false on timeout.
     */
    public boolean awaitSettled(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean idle = System.nanoTime() - lastActivity.get() > Duration.ofMillis(300).toNanos();
            boolean done = works.values().stream().allMatch(w -> !w.view().markedProcessed() || "complete".equals(w.status()));
            boolean queuesEmpty = amqp == null || connectors.keySet().stream().allMatch(id -> amqp.messageCount(id) == 0);
            if (idle && done && queuesEmpty) return true;
            Thread.sleep(50);
        }
        return false;
    }

    // ---- platform internals used by the resolvers --------------------------------------------

    EmulatedConnector requireConnector(String id) {
        EmulatedConnector c = connectors.get(id);
        if (c == null) throw new GraphqlError("FUNCTIONAL_ERROR", "Connector " + id + " not found");
        return c;
    }

    EmulatedWork requireWork(String id) {
        EmulatedWork w = works.get(id);
        if (w == null) throw new GraphqlError("FUNCTIONAL_ERROR", "Work " + id + " not found");
        return w;
    }

    EmulatedWork createWork(String connectorId, String name) {
        String id = "work_" + connectorId + "_" + workSeq.incrementAndGet();
        EmulatedWork w = new EmulatedWork(id, connectorId, name);
        works.put(id, w);
        touch();
        return w;
    }

    void declarePushQueue(String connectorId) {
        if (amqp != null) amqp.declare(connectorId);
    }

    AmqpBroker broker() {
        return broker;
    }

    long queueMessagesNumber(String connectorId) {
        return amqp == null ? 0 : amqp.messageCount(connectorId);
    }

    void touch() {
        lastActivity.set(System.nanoTime());
    }

    /** The worker's handling of one push message: a split bundle is one processed expectation. */
    private void onPushMessage(AmqpPushConsumer.Received message, String error) {
        touch();
        if (message == null) {
            received.malformed(error);
            return;
        }
        received.amqpMessage(message);
        JsonNode objects = message.bundle().path("objects");
        EmulatedWork w = message.workId() == null ? null : works.get(message.workId());
        if (w != null) {
            synchronized (w) {
                // A bundle of several objects is split again by the worker, one expectation each.
                if (objects.size() > 1) w.expected += objects.size();
                w.processed += objects.size() > 1 ? objects.size() + 1 : 1;
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "{\"errors\":[{\"message\":\"POST only\"}]}");
                return;
            }
            byte[] body = readLimited(exchange.getRequestBody());
            if (body == null) {
                send(exchange, 413, "{\"errors\":[{\"message\":\"request entity too large\",\"name\":\"PAYLOAD_TOO_LARGE\"}]}");
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            EmulatedUsers.User caller = auth != null && auth.startsWith("Bearer ")
                    ? users.byToken(auth.substring("Bearer ".length())).orElse(null) : null;
            if (caller == null) {
                send(exchange, 200, error("AUTH_REQUIRED", "You must be logged in to do this."));
                return;
            }
            ObjectNode answer = json.createObjectNode();
            int status = 200;
            try {
                JsonNode request = json.readTree(body);
                GraphqlRequest doc = GraphqlRequest.parse(request.path("query").asString(null));
                OpenCti6Schema.validate(doc);
                JsonNode variables = request.path("variables").isObject() ? request.path("variables") : json.createObjectNode();
                for (GraphqlRequest.Field f : doc.rootFields) {
                    users.recordCall(caller, f.name());
                    injectFailure(f.name());
                }
                answer.set("data", resolvers.resolveAll(doc, variables, caller));
            } catch (GraphqlError e) {
                status = e.httpStatus;
                answer = (ObjectNode) json.readTree(error(e.code, e.getMessage()));
            } catch (tools.jackson.core.JacksonException e) {
                status = 400;
                answer = (ObjectNode) json.readTree(error("BAD_REQUEST", "Invalid JSON body: " + e.getOriginalMessage()));
            }
            send(exchange, status, json.writeValueAsString(answer));
        }
    }

    private void injectFailure(String field) {
        AtomicInteger left = failures.get(field);
        if (left != null && left.getAndDecrement() > 0) {
            throw new GraphqlError("INTERNAL_SERVER_ERROR", "Injected failure of " + field);
        }
    }

    private String error(String code, String message) {
        ObjectNode root = json.createObjectNode();
        ObjectNode e = root.putArray("errors").addObject();
        e.put("message", message).put("name", code);
        e.putObject("extensions").put("code", code);
        root.putNull("data");
        return json.writeValueAsString(root);
    }

    private byte[] readLimited(InputStream in) throws IOException {
        byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        return data.length > maxBodyBytes ? null : data;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        if (amqp != null) amqp.close();
    }
}
