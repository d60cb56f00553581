package io.sightline.integrations.opencti;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A connector's life on the platform, as pycti's helper runs it: health check, registration, a
 * ping every 40 s carrying the state and connector info, and the state itself.
 *
 * <p>State handling fixes two pycti defects: a saved state is sent to the platform at once (not up
 * to 40 s later, so a crash cannot lose it), and only an <em>empty</em> state coming back from a
 * ping counts as a reset made in the UI; a different non-empty answer (a stale read) is ignored.
 */
public final class ConnectorSession implements AutoCloseable {
    public static final Duration PING_INTERVAL = Duration.ofSeconds(40);
    private static final Logger log = LoggerFactory.getLogger(ConnectorSession.class);

    private final OpenCtiClient client;
    private final ConnectorDefinition definition;
    private final Duration pingInterval;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final Object pingLock = new Object();
    private final AtomicInteger resets = new AtomicInteger();
    private ScheduledExecutorService pinger;
    private volatile ConnectorRegistration registration;
    private volatile ObjectNode state;
    private volatile ConnectorInfo info;
    private volatile java.util.function.Consumer<Boolean> periodicPingObserver = ok -> { };

    public ConnectorSession(OpenCtiClient client, ConnectorDefinition definition, ConnectorInfo initialInfo, Duration pingInterval) {
        this.client = client;
        this.definition = definition;
        this.info = initialInfo;
        this.pingInterval = pingInterval;
    }

    /**
     * Checks the platform, registers, adopts the stored state and, unless the connector runs once,
     * starts the ping thread. Throws {@link OpenCtiException} with the platform's reason on failure.
     */
    public ConnectorRegistration start() {
        String version = client.healthCheck();
        log.info("OpenCTI {} reachable", version);
        registration = client.registerConnector(definition);
        synchronized (pingLock) {
            state = parse(registration.state());
            if (state == null) {
                // A reset made while we were away is still flagged on the platform: consume it now,
                // or it would swallow the first state we save.
                client.pingConnector(registration.id(), null, info);
            }
        }
        log.info("Connector {} registered; state: {}", definition.id(), state == null ? "none (full import)" : state);
        if (!info.runAndTerminate()) {
            pinger = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "opencti-ping");
                t.setDaemon(true);
                return t;
            });
            long period = pingInterval.toMillis();
            pinger.scheduleWithFixedDelay(this::pingQuietly, period, period, TimeUnit.MILLISECONDS);
        }
        return registration;
    }

    public ConnectorRegistration registration() {
        return registration;
    }

    public OpenCtiClient client() {
        return client;
    }

    public String connectorId() {
        return definition.id();
    }

    /** A copy of the current state, or null when there is none (first run, or reset in the UI). */
    public ObjectNode state() {
        ObjectNode s = state;
        return s == null ? null : s.deepCopy();
    }

    /** Replaces the state and sends it to the platform immediately. */
    public void saveState(ObjectNode newState) {
        synchronized (pingLock) {
            state = newState == null ? null : newState.deepCopy();
            ping();
        }
    }

    /** How many resets made in the UI this session has adopted. */
    public int resetsSeen() {
        return resets.get();
    }

    public ConnectorInfo info() {
        return info;
    }

    /** Records the run times shown in the UI and pushes them with a ping. */
    public void recordRun(Instant lastRun, Instant nextRun) {
        info = info.withRun(lastRun, nextRun);
        ping();
    }

    public void recordQueue(boolean buffering, double queueSizeMb) {
        info = info.withQueue(buffering, queueSizeMb);
    }

    /** Size of the connector's push queue in MB, as pycti computes it for the buffering check. */
    public double queueSizeMb() {
        return client.queueMessagesSize(definition.id()) / 1_000_000.0;
    }

    /** Sends the state and info; adopts an empty answer as a reset made in OpenCTI's UI. */
    public void ping() {
        synchronized (pingLock) {
            ObjectNode sent = state;
            String answer = client.pingConnector(registration.id(), sent == null ? null : json.writeValueAsString(sent), info);
            if (sent != null && (answer == null || answer.isBlank() || "null".equals(answer.strip()))) {
                log.warn("Connector state has been remotely reset; the next run imports everything again");
                state = null;
                resets.incrementAndGet();
            }
        }
    }

    /** Told, after each ping of the 40-second thread, whether it succeeded (pycti's ping metrics). */
    public void observePeriodicPings(java.util.function.Consumer<Boolean> observer) {
        this.periodicPingObserver = observer;
    }

    private void pingQuietly() {
        try {
            ping();
            periodicPingObserver.accept(true);
        } catch (RuntimeException e) {
            log.warn("Ping to OpenCTI failed: {}", e.getMessage());
            periodicPingObserver.accept(false);
        }
    }

    private ObjectNode parse(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            JsonNode node = json.readTree(text);
            return node.isObject() && !node.isEmpty() ? (ObjectNode) node : null;
        } catch (RuntimeException e) {
            log.warn("Stored connector state is not a JSON object, starting without state: {}", e.getMessage());
            return null;
        }
    }

    /** Stops pinging after a last ping carrying the final state (pycti's force_ping on exit). */
    @Override
    public void close() {
        if (pinger != null) pinger.shutdownNow();
        if (registration != null) {
            try {
                ping();
            } catch (RuntimeException e) {
                log.warn("Final ping to OpenCTI failed: {}", e.getMessage());
            }
        }
    }
}
