package io.sightline.testkit.stixify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sightline.stix.StixId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An emulator of the Stixify Web API as the OpenCTI Stixify connector uses it (see
 * {@code shared/reference/opencti-stixify.md} §2 and §6.1), on {@code 127.0.0.1} and a random port:
 * <ul>
 *   <li>{@code GET /v1/dossiers/} — key {@code results};</li>
 *   <li>{@code GET /v1/dossiers/{id}/reports/} — key {@code objects}, {@code added_after} filter
 *       (strictly after, ISO 8601 with offset; a '+' left unencoded decodes as a space and gets a
 *       400, as on a Django server), 404 for unknown or invisible dossiers;</li>
 *   <li>{@code GET /v1/reports/{report_id}/objects/} — key {@code objects}, streamed; 400 for an id
 *       that is not {@code report--<uuid>}.</li>
 * </ul>
 * Every list has the dogesec envelope ({@code page_size}, {@code page_number},
 * {@code page_results_count}, {@code total_results_count}) and answers an empty list past its end.
 * Requests need the {@code API-KEY} header (401 when missing, 403 when wrong). Dossiers, reports
 * and {@link #faults() faults} can be changed while the emulator runs; every request is recorded.
 */
public final class StixifyEmulator implements AutoCloseable {
    /** Largest page the emulator serves, as dogesec_commons caps it. */
    public static final int MAX_PAGE_SIZE = 200;
    static final int DEFAULT_PAGE_SIZE = 50;
    private static final Pattern REPORTS = Pattern.compile("/v1/dossiers/([^/]+)/reports/");
    private static final Pattern OBJECTS = Pattern.compile("/v1/reports/([^/]+)/objects/");

    private final String apiKey;
    private final HttpServer server;
    private final ExecutorService executor;
    private final StixifyFaults faults = new StixifyFaults();
    private final List<EmulatedDossier> dossiers = new CopyOnWriteArrayList<>();
    private final Map<String, List<EmulatedReport>> reportsByDossier = new ConcurrentHashMap<>();
    private final Map<String, EmulatedReport> reportsById = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final StixifyResponses responses;

    private StixifyEmulator(String apiKey) throws IOException {
        this.apiKey = apiKey;
        this.responses = new StixifyResponses(faults);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "stixify-emulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts an emulator that accepts {@code apiKey} in the {@code API-KEY} header. */
    public static StixifyEmulator start(String apiKey) {
        Objects.requireNonNull(apiKey, "apiKey");
        try {
            return new StixifyEmulator(apiKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Stixify emulator", e);
        }
    }

    /** Base URL with a trailing slash, e.g. {@code http://127.0.0.1:43121/}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Faults to switch on and off at run time. */
    public StixifyFaults faults() {
        return faults;
    }

    /** Adds a dossier visible to the key and returns its id (a UUID). */
    public String addDossier(String name) {
        String id = UUID.randomUUID().toString();
        addDossier(id, name, true);
        return id;
    }

    /** Adds a dossier; an invisible one exists but is neither listed nor readable with this key. */
    public void addDossier(String id, String name, boolean visible) {
        dossiers.add(new EmulatedDossier(id, name, visible, Instant.now()));
        reportsByDossier.putIfAbsent(id, new CopyOnWriteArrayList<>());
    }

    /**
     * Adds a report to a dossier. Its id is the id of the report object inside {@code source} when
     * there is one (and it is not in use yet), otherwise a fresh {@code report--<uuid4>}.
     *
     * @return the report id
     */
    public String addReport(String dossierId, String name, ReportSource source, Instant addedAt) {
        String candidate = source.reportObjectId();
        String id = candidate != null && StixId.isValid(candidate) && !reportsById.containsKey(candidate)
                ? candidate : "report--" + UUID.randomUUID();
        return addReport(dossierId, id, name, source, addedAt);
    }

    /** Adds a report with an explicit id (which the objects endpoint checks like Stixify: {@code report--<uuid>}). */
    public String addReport(String dossierId, String reportId, String name, ReportSource source, Instant addedAt) {
        List<EmulatedReport> reports = reportsByDossier.get(dossierId);
        if (reports == null) throw new IllegalArgumentException("no dossier " + dossierId);
        EmulatedReport report = new EmulatedReport(reportId, name, addedAt, source);
        reportsById.put(reportId, report);
        reports.add(report);
        return reportId;
    }

    /** Adds a report made of the objects of the project's sample {@code stix/<sampleFile>}, named after the file. */
    public String addSampleReport(String dossierId, String sampleFile, Instant addedAt) {
        return addReport(dossierId, sampleFile, ReportSource.sample(sampleFile), addedAt);
    }

    /** The reports of a dossier, oldest first. */
    public List<EmulatedReport> reports(String dossierId) {
        return reportsByDossier.getOrDefault(dossierId, List.of()).stream()
                .sorted(java.util.Comparator.comparing(EmulatedReport::addedAt).thenComparing(EmulatedReport::id)).toList();
    }

    /** A report by id, or null. */
    public EmulatedReport report(String reportId) {
        return reportsById.get(reportId);
    }

    /** Requests received so far, in order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Number of requests received so far. */
    public int requestCount() {
        return requests.size();
    }

    /** Forgets the recorded requests. */
    public void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        // Recorded just before the status goes out, so a client never sees an answer that is not logged yet.
        StixifyResponses.RECORDER.set(status -> requests.add(new RecordedRequest(exchange.getRequestMethod(), path, rawQuery, status)));
        try {
            route(exchange, path, rawQuery);
        } catch (StixifyResponses.BrokenAnswer e) {
            // Leaving without closing the exchange makes the server drop the connection mid-body.
            StixifyResponses.RECORDER.remove();
            throw e;
        } catch (RuntimeException e) {
            responses.error(exchange, 500, "internal server error");
        }
        StixifyResponses.RECORDER.remove();
        exchange.close();
    }

    private int route(HttpExchange exchange, String path, String rawQuery) throws IOException {
        responses.delay();
        String key = exchange.getRequestHeaders().getFirst("API-KEY");
        if (key == null) return responses.error(exchange, 401, "Authentication credentials were not provided.");
        if (!key.equals(apiKey)) return responses.error(exchange, 403, "Invalid API key.");
        int fault = faults.takeFailure();
        if (fault == 429) {
            exchange.getResponseHeaders().set("Retry-After", faults.retryAfter());
            return responses.error(exchange, 429, "Request was throttled.");
        }
        if (fault != 0) return responses.error(exchange, fault, "Service unavailable (injected fault)");
        if (!exchange.getRequestMethod().equals("GET")) return responses.error(exchange, 405, "Method not allowed.");
        StixifyQuery query;
        try {
            query = StixifyQuery.parse(rawQuery);
        } catch (StixifyQuery.BadQuery e) {
            return responses.badRequestDetail(exchange, e.field, e.getMessage());
        }
        if (path.equals("/v1/dossiers/")) {
            List<EmulatedDossier> visible = dossiers.stream().filter(EmulatedDossier::visible).toList();
            return responses.page(exchange, "results", query, visible.size(),
                    (from, to) -> visible.subList(from, to).stream().map(StixifyResponses::dossierItem).iterator());
        }
        Matcher reports = REPORTS.matcher(path);
        if (reports.matches()) return dossierReports(exchange, decode(reports.group(1)), query);
        Matcher objects = OBJECTS.matcher(path);
        if (objects.matches()) return reportObjects(exchange, decode(objects.group(1)), query);
        return responses.error(exchange, 404, "non-existent page");
    }

    private int dossierReports(HttpExchange exchange, String dossierId, StixifyQuery query) throws IOException {
        boolean visible = dossiers.stream().anyMatch(d -> d.id().equals(dossierId) && d.visible());
        if (!visible) return responses.error(exchange, 404, "No Dossier matches the given query.");
        List<EmulatedReport> selected = new ArrayList<>();
        for (EmulatedReport report : reports(dossierId)) {
            if (query.addedAfter() == null || report.addedAt().isAfter(query.addedAfter())) selected.add(report);
        }
        return responses.page(exchange, "objects", query, selected.size(),
                (from, to) -> selected.subList(from, to).stream().map(StixifyResponses::reportItem).iterator());
    }

    private int reportObjects(HttpExchange exchange, String reportId, StixifyQuery query) throws IOException {
        if (!StixId.isValid(reportId) || !reportId.startsWith("report--")) {
            return responses.badRequestDetail(exchange, "report_id", "`" + reportId + "` must be a valid STIX report id");
        }
        EmulatedReport report = reportsById.get(reportId);
        if (report == null) return responses.error(exchange, 404, "report not found");
        return responses.page(exchange, "objects", query, report.source().size(), report.source()::objects, faults.takeBreak());
    }

    private static String decode(String segment) {
        return java.net.URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
