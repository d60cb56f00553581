package io.sightline.server.connectors.spi;

import io.sightline.integrations.http.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live, thread-safe recorder behind a connector's health: the connector reports server
 * checks and counters, the runtime reports state and scheduled runs, and {@link #snapshot()}
 * turns it into a {@link ConnectorHealth} value. Every reason is scrubbed of the secrets given
 * to {@link #redact(String)} before it is stored, so an API key echoed by a remote error
 * message cannot reach the status page.
 */
public final class HealthTracker {

    /** Told about each new counter and server, so that metrics can be registered for it. */
    public interface Listener {
        void counterAdded(String partition, String counter, AtomicLong value);

        void serverAdded(String server);

        void partitionAdded(String partition);
    }

    private final String connector;
    private final boolean enabled;
    private final Clock clock;
    private volatile Redactor redactor = Redactor.none();
    private final Map<String, ServerHealth> servers = new LinkedHashMap<>();
    private final Map<String, Partition> partitions = new LinkedHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private ConnectorState state = ConnectorState.STOPPED;
    private String stateReason;
    private Instant stateSince;

    private static final class Partition {
        final Map<String, AtomicLong> counters = new TreeMap<>();
        boolean running;
        Instant lastRunAt, lastSuccessAt, lastErrorAt, nextRunAt;
        String lastError, lastSkip;
        int consecutiveFailures;
    }

    public HealthTracker(String connector, boolean enabled, Clock clock) {
        this.connector = connector;
        this.enabled = enabled;
        this.clock = clock;
        this.stateSince = clock.instant();
    }

    public HealthTracker(String connector, boolean enabled) {
        this(connector, enabled, Clock.systemUTC());
    }

    public String connector() {
        return connector;
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * Registers a secret (API key, token, password) that must never appear in a stored reason or
     * in a log line written through {@link #scrub(String)}: masked whatever its case, also URL-encoded.
     */
    public synchronized void redact(String secret) {
        redactor = redactor.with(secret);
    }

    // ---- servers (reported by the connector)

    /** Declares a server, in CHECKING state until its first check. {@code details} must hold no secret. */
    public synchronized void declareServer(String name, Map<String, Object> details) {
        if (servers.containsKey(name)) return;
        servers.put(name, new ServerHealth(name, ServerStatus.CHECKING, null, null, null, null, null, Map.copyOf(details)));
        listeners.forEach(l -> l.serverAdded(name));
    }

    public synchronized void serverOk(String name, String version) {
        ServerHealth s = server(name);
        Instant now = clock.instant();
        servers.put(name, new ServerHealth(name, ServerStatus.OK, version, now, now, s.lastError(), s.lastErrorAt(), s.details()));
    }

    /** ERROR or AUTH_ERROR with the human reason; the version stays as last known. */
    public synchronized void serverFailed(String name, ServerStatus status, String reason) {
        if (status == ServerStatus.OK || status == ServerStatus.CHECKING) {
            throw new IllegalArgumentException("serverFailed takes ERROR or AUTH_ERROR, not " + status);
        }
        ServerHealth s = server(name);
        Instant now = clock.instant();
        servers.put(name, new ServerHealth(name, status, s.version(), now, s.lastOkAt(), scrub(reason), now, s.details()));
    }

    private ServerHealth server(String name) {
        ServerHealth s = servers.get(name);
        if (s == null) throw new IllegalArgumentException("server " + name + " of connector " + connector + " was not declared");
        return s;
    }

    // ---- counters (reported by the connector, usually from a partition run)

    /** Adds {@code n} to a counter such as {@code imported}, {@code updated} or {@code failed}. */
    public void count(String partition, String counter, long n) {
        AtomicLong value;
        boolean added;
        synchronized (this) {
            Map<String, AtomicLong> counters = partition(partition).counters;
            added = !counters.containsKey(counter);
            value = counters.computeIfAbsent(counter, c -> new AtomicLong());
        }
        if (added) listeners.forEach(l -> l.counterAdded(partition, counter, value));
        value.addAndGet(n);
    }

    // ---- state and runs (reported by the runtime)

    public synchronized void state(ConnectorState newState, String reason) {
        state = newState;
        stateReason = scrub(reason);
        stateSince = clock.instant();
    }

    public synchronized ConnectorState state() {
        return state;
    }

    /** Makes a partition visible in health before its first run. */
    public void declarePartition(String partition) {
        synchronized (this) {
            partition(partition);
        }
    }

    public synchronized void runStarted(String partition) {
        Partition p = partition(partition);
        p.running = true;
        p.lastRunAt = clock.instant();
        p.lastSkip = null;
    }

    public synchronized void runSucceeded(String partition) {
        Partition p = partition(partition);
        p.running = false;
        p.lastSuccessAt = clock.instant();
        p.consecutiveFailures = 0;
    }

    public synchronized int runFailed(String partition, String reason) {
        Partition p = partition(partition);
        p.running = false;
        p.lastError = scrub(reason);
        p.lastErrorAt = clock.instant();
        return ++p.consecutiveFailures;
    }

    public synchronized void runSkipped(String partition, String why) {
        partition(partition).lastSkip = why;
    }

    public synchronized void nextRun(String partition, Instant at) {
        partition(partition).nextRunAt = at;
    }

    public synchronized void forgetPartition(String partition) {
        partitions.remove(partition);
    }

    private Partition partition(String name) {
        Partition p = partitions.get(name);
        if (p == null) {
            p = new Partition();
            partitions.put(name, p);
            listeners.forEach(l -> l.partitionAdded(name));
        }
        return p;
    }

    public void addListener(Listener listener) {
        List<String> serverNames;
        Map<String, Map<String, AtomicLong>> counters = new LinkedHashMap<>();
        synchronized (this) {
            listeners.add(listener);
            serverNames = new ArrayList<>(servers.keySet());
            partitions.forEach((name, p) -> counters.put(name, new LinkedHashMap<>(p.counters)));
        }
        serverNames.forEach(listener::serverAdded);
        counters.forEach((partition, byName) -> {
            listener.partitionAdded(partition);
            byName.forEach((counter, value) -> listener.counterAdded(partition, counter, value));
        });
    }

    public synchronized ConnectorHealth snapshot() {
        Instant now = clock.instant();
        List<ServerHealth> serverList = List.copyOf(servers.values());
        List<PartitionHealth> partitionList = new ArrayList<>();
        Map<String, Long> totals = new TreeMap<>();
        Instant lastSuccess = null;
        for (Map.Entry<String, Partition> e : partitions.entrySet()) {
            Partition p = e.getValue();
            Map<String, Long> counters = new TreeMap<>();
            p.counters.forEach((k, v) -> {
                counters.put(k, v.get());
                totals.merge(k, v.get(), Long::sum);
            });
            Duration lag = p.lastSuccessAt == null ? null : Duration.between(p.lastSuccessAt, now);
            partitionList.add(new PartitionHealth(e.getKey(), p.running, p.lastRunAt, p.lastSuccessAt, lag, p.lastError,
                    p.lastErrorAt, p.consecutiveFailures, p.lastSkip, p.nextRunAt, counters));
            if (p.lastSuccessAt != null && (lastSuccess == null || p.lastSuccessAt.isAfter(lastSuccess))) {
                lastSuccess = p.lastSuccessAt;
            }
        }
        HealthStatus status = ConnectorHealth.aggregate(state, serverList, partitionList);
        return new ConnectorHealth(connector, enabled, state, stateReason, stateSince, status, lastSuccess, serverList,
                List.copyOf(partitionList), totals, null);
    }

    /** The text with every registered secret masked; for log lines about this connector. */
    public String scrub(String text) {
        return redactor.scrub(text);
    }
}
