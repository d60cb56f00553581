package io.sightline.opencti.stixify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code CONNECTOR_EXPOSE_METRICS}: pycti's Prometheus metrics (its {@code OpenCTIMetricHandler}),
 * same names, help texts and prefixing as prometheus_client gives them
 * ({@code <namespace>_<subsystem>_<name>}, empty parts left out), served in the Prometheus text
 * format on every path of {@code CONNECTOR_METRICS_PORT} (all interfaces, as {@code start_http_server}).
 * Counters also expose their {@code _created} time, as prometheus_client does.
 */
final class ConnectorMetrics implements AutoCloseable {
    enum Counter {
        BUNDLE_SEND("bundles_sent", "Number of bundles sent"),
        RECORD_SEND("records_sent", "Number of records (objects per bundle) sent"),
        RUN_COUNT("runs", "Number of run"),
        PING_API_COUNT("ping_api", "Number of pings to the API"),
        PING_API_ERROR("ping_api_errors", "Number of errors when pinging the API"),
        ERROR_COUNT("errors", "Number of errors"),
        CLIENT_ERROR_COUNT("client_errors", "Number of client errors");

        final String base;
        final String help;

        Counter(String base, String help) {
            this.base = base;
            this.help = help;
        }
    }

    static final String[] STATES = {"idle", "running", "stopped"};

    private final Map<Counter, LongAdder> counters = new LinkedHashMap<>();
    private final double createdSeconds = System.currentTimeMillis() / 1000.0;
    private final AtomicReference<String> state = new AtomicReference<>("idle");
    private final String prefix;
    private final HttpServer server;

    private ConnectorMetrics(String namespace, String subsystem, HttpServer server) {
        for (Counter c : Counter.values()) counters.put(c, new LongAdder());
        StringBuilder p = new StringBuilder();
        if (!namespace.isEmpty()) p.append(namespace).append('_');
        if (!subsystem.isEmpty()) p.append(subsystem).append('_');
        this.prefix = p.toString();
        this.server = server;
    }

    /** Metrics that count nothing and serve nothing ({@code CONNECTOR_EXPOSE_METRICS} unset or false). */
    static ConnectorMetrics disabled() {
        return new ConnectorMetrics("", "", null);
    }

    /** Starts serving; a port that cannot be bound is a start-up error naming the setting. */
    static ConnectorMetrics serve(ConnectorConfig.MetricsSettings settings) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.port()), 0);
        } catch (BindException e) {
            throw new IllegalStateException("CONNECTOR_METRICS_PORT (connector.metrics_port) " + settings.port()
                    + " is already in use: the Prometheus metrics cannot be served (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new IllegalStateException("CONNECTOR_METRICS_PORT (connector.metrics_port) " + settings.port()
                    + " cannot be opened: " + e.getMessage(), e);
        }
        ConnectorMetrics metrics = new ConnectorMetrics(settings.namespace(), settings.subsystem(), server);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = metrics.render().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        return metrics;
    }

    int port() {
        return server == null ? -1 : server.getAddress().getPort();
    }

    void inc(Counter counter, long n) {
        if (server != null && n > 0) counters.get(counter).add(n);
    }

    void inc(Counter counter) {
        inc(counter, 1);
    }

    void state(String value) {
        state.set(value);
    }

    /** The Prometheus text exposition format (0.0.4). */
    String render() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<Counter, LongAdder> e : counters.entrySet()) {
            String name = prefix + e.getKey().base;
            String help = e.getKey().help;
            out.append("# HELP ").append(name).append("_total ").append(help).append('\n')
                    .append("# TYPE ").append(name).append("_total counter\n")
                    .append(name).append("_total ").append(number(e.getValue().sum())).append('\n')
                    .append("# HELP ").append(name).append("_created ").append(help).append('\n')
                    .append("# TYPE ").append(name).append("_created gauge\n")
                    .append(name).append("_created ").append(String.format(Locale.ROOT, "%.6e", createdSeconds)).append('\n');
        }
        String name = prefix + "state";
        out.append("# HELP ").append(name).append(" State of connector\n").append("# TYPE ").append(name).append(" gauge\n");
        String current = state.get();
        for (String s : STATES) {
            out.append(name).append("{").append(name).append("=\"").append(s).append("\"} ")
                    .append(s.equals(current) ? "1.0" : "0.0").append('\n');
        }
        return out.toString();
    }

    private static String number(long n) {
        return n + ".0";
    }

    @Override
    public void close() {
        if (server != null) server.stop(0);
    }
}
