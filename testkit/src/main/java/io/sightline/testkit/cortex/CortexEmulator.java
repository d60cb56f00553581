package io.sightline.testkit.cortex;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Cortex server on 127.0.0.1 for tests, benchmarks and the demo: Cortex's endpoints and JSON
 * shapes, analyzers and reports from the project's sample data, responders whose reports carry
 * operations, jobs that go Waiting -> InProgress ->
 * Success/Failure over time, a Bearer key check, run-time fault injection ({@link #faults()}) and
 * request counters per endpoint ({@link #requestCount(String)}).
 */
public final class CortexEmulator implements AutoCloseable {

    public static final String STATUS = "GET /api/status";
    public static final String CURRENT_USER = "GET /api/user/current";
    public static final String LIST_ANALYZERS = "GET /api/analyzer";
    public static final String SEARCH_ANALYZERS = "POST /api/analyzer/_search";
    public static final String ANALYZERS_BY_TYPE = "GET /api/analyzer/type/{dataType}";
    public static final String GET_ANALYZER = "GET /api/analyzer/{id}";
    public static final String RUN = "POST /api/analyzer/{id}/run";
    public static final String LIST_RESPONDERS = "GET /api/responder";
    public static final String RESPONDERS_BY_TYPE = "GET /api/responder/type/{dataType}";
    public static final String GET_RESPONDER = "GET /api/responder/{id}";
    public static final String RUN_RESPONDER = "POST /api/responder/{id}/run";
    public static final String JOB_STATUS = "POST /api/job/status";
    public static final String GET_JOB = "GET /api/job/{id}";
    public static final String DELETE_JOB = "DELETE /api/job/{id}";
    public static final String REPORT = "GET /api/job/{id}/report";
    public static final String WAIT_REPORT = "GET /api/job/{id}/waitreport";
    public static final String ARTIFACTS = "GET /api/job/{id}/artifacts";
    public static final String DATASTORE = "GET /api/datastore/{id}";
    public static final String UNKNOWN = "unknown route";

    private static final Logger LOG = LoggerFactory.getLogger(CortexEmulator.class);

    private final CortexEmulatorOptions options;
    private final HttpServer server;
    private final ExecutorService executor;
    private final CortexFaults faults = new CortexFaults();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final AnalyzerCatalog catalog;
    private final JobStore jobs;
    private final AnalyzerEndpoints analyzerEndpoints;
    private final JobEndpoints jobEndpoints;
    private final ResponderEndpoints responderEndpoints;
    private final Clock clock = Clock.systemUTC();

    private CortexEmulator(CortexEmulatorOptions options) throws IOException {
        this.options = options;
        long now = clock.millis();
        this.catalog = AnalyzerCatalog.load(options.organization(), now);
        this.jobs = new JobStore(options);
        this.analyzerEndpoints = new AnalyzerEndpoints(catalog, options, now);
        this.jobEndpoints = new JobEndpoints(catalog, jobs, faults, clock);
        this.responderEndpoints = new ResponderEndpoints(catalog);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 64);
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "cortex-emulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static CortexEmulator start() {
        return start(CortexEmulatorOptions.defaults());
    }

    public static CortexEmulator start(CortexEmulatorOptions options) {
        try {
            CortexEmulator emulator = new CortexEmulator(options);
            LOG.info("Cortex emulator listening on {} with {} analyzers", emulator.baseUrl(),
                    emulator.catalog.all().size());
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Cortex emulator", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String apiKey() {
        return options.apiKey();
    }

    public CortexEmulatorOptions options() {
        return options;
    }

    public CortexFaults faults() {
        return faults;
    }

    /** Names of the analyzers served, e.g. {@code VirusTotal_GetReport_3_1}. */
    public List<String> analyzerNames() {
        return catalog.all().stream().map(EmulatedAnalyzer::name).toList();
    }

    /** Names of the responders served, e.g. {@code Sightline_Tagger_1_0}. */
    public List<String> responderNames() {
        return catalog.responders().stream().map(EmulatedAnalyzer::name).toList();
    }

    /** Ids of all jobs submitted so far (analyzer and responder jobs), oldest first. */
    public List<String> jobIds() {
        return jobs.all().stream().map(job -> job.id).toList();
    }

    /** Deletes a job as {@code DELETE /api/job/{id}} would (without counting a request). */
    public boolean deleteJob(String jobId) {
        Optional<EmulatedJob> job = jobs.get(jobId);
        job.ifPresent(found -> found.delete(clock.millis()));
        return job.isPresent();
    }

    /** Requests received on one endpoint (e.g. {@link #WAIT_REPORT}), faulted ones included. */
    public long requestCount(String endpoint) {
        AtomicLong count = counts.get(endpoint);
        return count == null ? 0 : count.get();
    }

    public Map<String, Long> requestCounts() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((endpoint, count) -> snapshot.put(endpoint, count.get()));
        return snapshot;
    }

    public long totalRequests() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public void resetRequestCounts() {
        counts.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            List<String> params = new ArrayList<>();
            String endpoint = route(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), params);
            counts.computeIfAbsent(endpoint, key -> new AtomicLong()).incrementAndGet();
            EmulatorRequest request = new EmulatorRequest(exchange, endpoint, params, body);
            try {
                answer(request);
            } catch (RuntimeException e) {
                // like Cortex: an unexpected failure is a 500 InternalError, not a dropped connection
                LOG.warn("emulator failure on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                request.error(500, "InternalError", String.valueOf(e.getMessage()));
            }
        } catch (IOException clientGone) {
            LOG.debug("client went away: {}", clientGone.getMessage());
        }
    }

    private void answer(EmulatorRequest request) throws IOException {
        pause();
        if (!request.endpoint.equals(STATUS) && !authorised(request)) {
            return;
        }
        Optional<CortexFaults.Fault> fault = faults.takeFor(request.endpoint);
        if (fault.isPresent()) {
            answerFault(request, fault.get());
            return;
        }
        dispatch(request);
    }

    private void pause() {
        long millis = faults.delay().toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Cortex accepts only {@code Authorization: Bearer <key>} (or Basic, which the emulator has no users for). */
    private boolean authorised(EmulatorRequest request) throws IOException {
        int forced = faults.authFailureStatus();
        if (forced == 403) {
            request.error(403, "AuthorizationError", "Your are not authorized to perform this action");
            return false;
        }
        String header = request.exchange.getRequestHeaders().getFirst("Authorization");
        if (forced == 401 || header == null) {
            request.error(401, "AuthenticationError", "Authentication failure");
            return false;
        }
        if (!header.startsWith("Bearer ")) {
            request.error(401, "AuthenticationError", "Only bearer authentication is supported");
            return false;
        }
        if (!header.substring("Bearer ".length()).equals(options.apiKey())) {
            request.error(401, "AuthenticationError", "Authentication failure");
            return false;
        }
        return true;
    }

    private void answerFault(EmulatorRequest request, CortexFaults.Fault fault) throws IOException {
        if (fault.malformed()) {
            request.send(200, "{\"id\": \"truncated".getBytes(StandardCharsets.UTF_8), "application/json");
            return;
        }
        if (fault.retryAfterSeconds() != null) {
            request.exchange.getResponseHeaders().set("Retry-After", String.valueOf(fault.retryAfterSeconds()));
        }
        request.error(fault.status(), fault.type(), fault.message());
    }

    private void dispatch(EmulatorRequest request) throws IOException {
        switch (request.endpoint) {
            case STATUS -> analyzerEndpoints.status(request);
            case CURRENT_USER -> analyzerEndpoints.currentUser(request);
            case LIST_ANALYZERS -> analyzerEndpoints.list(request);
            case SEARCH_ANALYZERS -> analyzerEndpoints.search(request);
            case ANALYZERS_BY_TYPE -> analyzerEndpoints.byType(request);
            case GET_ANALYZER -> analyzerEndpoints.get(request);
            case RUN -> jobEndpoints.run(request);
            case LIST_RESPONDERS -> responderEndpoints.list(request);
            case RESPONDERS_BY_TYPE -> responderEndpoints.byType(request);
            case GET_RESPONDER -> responderEndpoints.get(request);
            case RUN_RESPONDER -> jobEndpoints.runResponder(request);
            case JOB_STATUS -> jobEndpoints.batchStatus(request);
            case GET_JOB -> jobEndpoints.get(request);
            case DELETE_JOB -> jobEndpoints.delete(request);
            case REPORT -> jobEndpoints.report(request);
            case WAIT_REPORT -> jobEndpoints.waitReport(request);
            case ARTIFACTS -> jobEndpoints.artifacts(request);
            case DATASTORE -> jobEndpoints.datastore(request);
            default -> request.error(404, "NotFoundError", "no route for " + request.exchange.getRequestMethod()
                    + " " + request.exchange.getRequestURI().getPath());
        }
    }

    /** Matches a path against Cortex's routes; path parameters are decoded into {@code params}. */
    static String route(String method, String rawPath, List<String> params) {
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        String path = "/" + String.join("/", segments);
        int size = segments.size();
        if (size < 2 || !segments.get(0).equals("api")) {
            return UNKNOWN;
        }
        String resource = segments.get(1);
        if (resource.equals("status") && size == 2 && method.equals("GET")) {
            return STATUS;
        }
        if (path.equals("/api/user/current") && method.equals("GET")) {
            return CURRENT_USER;
        }
        if (resource.equals("analyzer")) {
            return analyzerRoute(method, segments, params);
        }
        if (resource.equals("responder")) {
            return responderRoute(method, segments, params);
        }
        if (resource.equals("job")) {
            return jobRoute(method, segments, params);
        }
        if (resource.equals("datastore") && size == 3 && method.equals("GET")) {
            params.add(segments.get(2));
            return DATASTORE;
        }
        return UNKNOWN;
    }

    private static String analyzerRoute(String method, List<String> segments, List<String> params) {
        int size = segments.size();
        if (size == 2) {
            return method.equals("GET") ? LIST_ANALYZERS : UNKNOWN;
        }
        if (size == 3 && segments.get(2).equals("_search")) {
            return method.equals("POST") ? SEARCH_ANALYZERS : UNKNOWN;
        }
        if (size == 4 && segments.get(2).equals("type") && method.equals("GET")) {
            params.add(segments.get(3));
            return ANALYZERS_BY_TYPE;
        }
        params.add(segments.get(2));
        if (size == 3 && method.equals("GET")) {
            return GET_ANALYZER;
        }
        if (size == 4 && segments.get(3).equals("run") && method.equals("POST")) {
            return RUN;
        }
        return UNKNOWN;
    }

    private static String responderRoute(String method, List<String> segments, List<String> params) {
        int size = segments.size();
        if (size == 2) {
            return method.equals("GET") ? LIST_RESPONDERS : UNKNOWN;
        }
        if (size == 4 && segments.get(2).equals("type") && method.equals("GET")) {
            params.add(segments.get(3));
            return RESPONDERS_BY_TYPE;
        }
        params.add(segments.get(2));
        if (size == 3 && method.equals("GET")) {
            return GET_RESPONDER;
        }
        if (size == 4 && segments.get(3).equals("run") && method.equals("POST")) {
            return RUN_RESPONDER;
        }
        return UNKNOWN;
    }

    private static String jobRoute(String method, List<String> segments, List<String> params) {
        int size = segments.size();
        if (size == 3 && segments.get(2).equals("status") && method.equals("POST")) {
            return JOB_STATUS;
        }
        if (size < 3) {
            return UNKNOWN;
        }
        params.add(segments.get(2));
        if (size == 3) {
            return switch (method) {
                case "GET" -> GET_JOB;
                case "DELETE" -> DELETE_JOB;
                default -> UNKNOWN;
            };
        }
        if (size == 4 && method.equals("GET")) {
            return switch (segments.get(3)) {
                case "report" -> REPORT;
                case "waitreport" -> WAIT_REPORT;
                case "artifacts" -> ARTIFACTS;
                default -> UNKNOWN;
            };
        }
        return UNKNOWN;
    }

    /** Starts an emulator for a demo and prints where it listens: {@code [port]}. */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        CortexEmulator emulator = start(CortexEmulatorOptions.defaults().withPort(port));
        System.out.println("Cortex emulator: " + emulator.baseUrl());
        System.out.println("API key: " + emulator.apiKey());
        System.out.println("Analyzers: " + String.join(", ", emulator.analyzerNames()));
        Thread.currentThread().join();
    }
}
