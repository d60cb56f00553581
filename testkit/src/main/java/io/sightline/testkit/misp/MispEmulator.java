package io.sightline.testkit.misp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * A MISP server on loopback for tests, demos and benchmarks: serves the endpoints the connector
 * uses with MISP's JSON shapes (full events one by one or several per {@code /events/restSearch}), loads events from MISP files, generates large events streamed on
 * demand, pages and filters the event index as MISP does, records what the API changed, checks
 * the {@code Authorization} key, counts requests, and injects faults switched at run time
 * ({@link #faults()}). Over plain HTTP or HTTPS with a self-signed certificate.
 *
 * <pre>{@code
 * try (MispEmulator misp = MispEmulator.start(MispEmulator.Options.defaults().load(fixtures))) {
 *     String url = misp.baseUrl(), key = misp.apiKey();
 *     misp.faults().rateLimited("/events/index", 1, Duration.ofSeconds(1));
 * }
 * }</pre>
 */
public final class MispEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MispEmulator.class);

    static {
        // The JDK's server keeps Nagle's algorithm on: the last segment of every answer then waits
        // for the client's delayed ACK, about 13 ms per event fetched over loopback. The switch is
        // read once, when the JVM's first HttpServer starts; an explicit setting is respected.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }
    private static final String AUTH_FAILED = "Authentication failed. Please make sure you pass the API key of an API"
            + " enabled user along in the Authorization header.";

    /**
     * Start-up options.
     *
     * @param https    serve HTTPS with the emulator's self-signed certificate
     * @param apiKey   the key requests must carry in {@code Authorization} (or {@code X-MISP-AUTH})
     * @param orgName  organisation of the key's user
     * @param version  MISP version reported by {@code /servers/getVersion}
     * @param port     port on 127.0.0.1, 0 for any free port
     * @param load     files or folders of MISP data to load at start
     */
    public record Options(boolean https, String apiKey, String orgName, String version, int port, List<Path> load) {

        public Options {
            load = List.copyOf(load);
        }

        public static Options defaults() {
            return new Options(false, "emulator0key0000000000000000000000000000", "ORGNAME", "2.5.17", 0, List.of());
        }

        public Options https(boolean value) {
            return new Options(value, apiKey, orgName, version, port, load);
        }

        public Options apiKey(String value) {
            return new Options(https, value, orgName, version, port, load);
        }

        public Options orgName(String value) {
            return new Options(https, apiKey, value, version, port, load);
        }

        public Options port(int value) {
            return new Options(https, apiKey, orgName, version, value, load);
        }

        /** Never shows the key. */
        @Override
        public String toString() {
            return "Options[https=" + https + ", apiKey=****, orgName=" + orgName + ", version=" + version
                    + ", port=" + port + ", load=" + load + "]";
        }

        public Options load(Path... paths) {
            List<Path> all = new ArrayList<>(load);
            all.addAll(List.of(paths));
            return new Options(https, apiKey, orgName, version, port, all);
        }
    }

    private final Options options;
    private final HttpServer server;
    private final ExecutorService executor;
    private final MispEmulatorStore store;
    private final MispEmulatorRoutes routes;
    private final MispEmulatorFaults faults = new MispEmulatorFaults();
    private final AtomicLong requests = new AtomicLong();
    private final Map<String, AtomicLong> requestsByRoute = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> eventsServed = new ConcurrentHashMap<>();

    private MispEmulator(Options options) throws IOException {
        this.options = options;
        this.store = new MispEmulatorStore(options.orgName());
        this.routes = new MispEmulatorRoutes(store, options.version(),
                id -> eventsServed.computeIfAbsent(id, k -> new AtomicLong()).incrementAndGet());
        options.load().forEach(store::load);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port());
        if (options.https()) {
            HttpsServer https = HttpsServer.create(address, 64);
            https.setHttpsConfigurator(new HttpsConfigurator(EmulatorTls.serverContext()));
            this.server = https;
        } else {
            this.server = HttpServer.create(address, 64);
        }
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "misp-emulator");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Starts an emulator over plain HTTP on a free port with the default key. */
    public static MispEmulator start() {
        return start(Options.defaults());
    }

    public static MispEmulator start(Options options) {
        try {
            MispEmulator emulator = new MispEmulator(options);
            LOG.info("MISP emulator listening on {} with {} events", emulator.baseUrl(), emulator.store.eventIds().size());
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the MISP emulator", e);
        }
    }

    public String baseUrl() {
        return (options.https() ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    public String apiKey() {
        return options.apiKey();
    }

    public MispEmulatorStore store() {
        return store;
    }

    public MispEmulatorFaults faults() {
        return faults;
    }

    /** The self-signed certificate as a PEM file, for clients that trust it explicitly. */
    public Path certificatePem() {
        return EmulatorTls.certificatePem();
    }

    /** Requests received, including refused ones. */
    public long requestCount() {
        return requests.get();
    }

    /** Requests received for one route, e.g. {@code "POST /events/index"} or {@code "GET /events/view"}. */
    public long requestCount(String methodAndPathPrefix) {
        return requestsByRoute.entrySet().stream().filter(e -> e.getKey().startsWith(methodAndPathPrefix))
                .mapToLong(e -> e.getValue().get()).sum();
    }

    /**
     * Full events written in answers ({@code /events/view}, {@code /events/restSearch}), however
     * many per request; an answer cut short by a fault may count an event not completely sent.
     */
    public long eventsServed() {
        return eventsServed.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** How many times the event with this id was written in full in an answer. */
    public long eventsServed(String eventId) {
        AtomicLong n = eventsServed.get(eventId);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        requests.incrementAndGet();
        requestsByRoute.computeIfAbsent(method + " " + path, k -> new AtomicLong()).incrementAndGet();
        try (exchange) {
            List<MispEmulatorFaults.Fault> active = faults.take(path);
            long truncateAt = -1;
            for (MispEmulatorFaults.Fault fault : active) {
                if (fault.kind() == MispEmulatorFaults.Kind.SLOW) {
                    sleep(fault.delay());
                }
                if (fault.kind() == MispEmulatorFaults.Kind.TRUNCATED) {
                    truncateAt = fault.bytes();
                }
            }
            JsonNode body = readBody(exchange);
            Responder responder = new Responder(exchange, truncateAt);
            if (has(active, MispEmulatorFaults.Kind.AUTH_ERROR) || !authorised(exchange)) {
                error(responder, 403, AUTH_FAILED, path, null);
                return;
            }
            if (has(active, MispEmulatorFaults.Kind.SERVER_ERROR)) {
                error(responder, 500, "An Internal Error Has Occurred.", path, null);
                return;
            }
            MispEmulatorFaults.Fault limited = find(active, MispEmulatorFaults.Kind.RATE_LIMITED);
            if (limited != null) {
                error(responder, 429, "Too Many Requests", path,
                        Map.of("Retry-After", String.valueOf(Math.max(0, limited.delay().toSeconds()))));
                return;
            }
            try {
                routes.handle(method, path, body, responder);
            } catch (EmulatorRefusal refusal) {
                responder.json(refusal.status(), Map.of(), g -> g.writeTree(refusal.body()));
            }
        } catch (RuntimeException e) {
            LOG.warn("MISP emulator failed on {} {}", method, path, e);
        }
    }

    private boolean authorised(HttpExchange exchange) {
        String key = exchange.getRequestHeaders().getFirst("Authorization");
        if (key == null) {
            key = exchange.getRequestHeaders().getFirst("X-MISP-AUTH");
        }
        return options.apiKey().equals(key);
    }

    private static void error(Responder responder, int status, String message, String path, Map<String, String> headers)
            throws IOException {
        responder.json(status, headers == null ? Map.of() : headers, g -> {
            g.writeStartObject();
            g.writeStringProperty("name", message);
            g.writeStringProperty("message", message);
            g.writeStringProperty("url", path);
            g.writeEndObject();
        });
    }

    private static JsonNode readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length == 0) {
                return MispEmulatorStore.JSON.createObjectNode();
            }
            try {
                return MispEmulatorStore.JSON.readTree(bytes);
            } catch (RuntimeException notJson) {
                return MispEmulatorStore.JSON.createObjectNode();
            }
        }
    }

    private static boolean has(List<MispEmulatorFaults.Fault> faults, MispEmulatorFaults.Kind kind) {
        return find(faults, kind) != null;
    }

    private static MispEmulatorFaults.Fault find(List<MispEmulatorFaults.Fault> faults, MispEmulatorFaults.Kind kind) {
        return faults.stream().filter(f -> f.kind() == kind).findFirst().orElse(null);
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes answers, chunked, optionally truncated. */
    private static final class Responder implements MispEmulatorRoutes.Reply {
        private final HttpExchange exchange;
        private final long truncateAt;

        Responder(HttpExchange exchange, long truncateAt) {
            this.exchange = exchange;
            this.truncateAt = truncateAt;
        }

        @Override
        public void json(int status, Map<String, String> headers, MispEmulatorRoutes.BodyWriter body) throws IOException {
            headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(status, 0);
            try (OutputStream out = body(exchange.getResponseBody());
                 JsonGenerator g = MispEmulatorStore.JSON.createGenerator(out)) {
                body.write(g);
            }
        }

        @Override
        public void bytes(int status, String contentType, Map<String, String> headers, byte[] content) throws IOException {
            headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, 0);
            try (OutputStream out = body(exchange.getResponseBody())) {
                out.write(content);
            }
        }

        private OutputStream body(OutputStream raw) {
            return truncateAt >= 0 ? new LimitedOutputStream(raw, truncateAt) : raw;
        }
    }
}
