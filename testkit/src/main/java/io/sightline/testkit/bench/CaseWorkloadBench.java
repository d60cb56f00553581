package io.sightline.testkit.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./sightline bench case-workload}: one large case as an analyst team leaves it after weeks
 * (by default 1,000 tasks, 10,000 task logs and 10,000 comments), then what an analyst opens all
 * day, warm: the case, the first page (50) of its tasks, of its logs, of its comments and of its
 * timeline, through the API and the UI. While the case fills up it also adds observables to a
 * second case at the same pace, so that the cost of a task log prints beside the cost of an
 * observable. Latencies are measured by the client on loopback, so they bound the server's time
 * from above.
 */
public final class CaseWorkloadBench {
    private static final Pattern ID = Pattern.compile("\"_id\":\"(~\\d+)\"");
    private static final Pattern NUMBER = Pattern.compile("\"number\":(\\d+)");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final String PASSWORD = "Bench-case-workload-pw-1";

    private CaseWorkloadBench() {}

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        HubProcess hub = null;
        String url = o.url, key = o.key, password = o.password;
        if (o.start != null) {
            Path log = Files.createTempFile("sightline-bench-hub-", ".log");
            System.out.println("Starting the hub on " + (o.start.equals("h2") ? "H2" : o.start) + " (log: " + log + ")");
            hub = HubProcess.start(Path.of(o.jar), o.start.equals("h2") ? null : o.start, List.of(), log,
                    HubProcess.freePort(), Files.createTempDirectory("sightline-bench-"), Map.of("SIGHTLINE_ADMIN_PASSWORD", PASSWORD));
            url = hub.url();
            key = HubProcess.ADMIN_KEY;
            password = PASSWORD;
        }
        try {
            run(url, key, password, o);
        } finally {
            if (hub != null) hub.close();
        }
    }

    private static void run(String url, String key, String password, Options o) throws Exception {
        KeepAliveHttp http = new KeepAliveHttp(key, o.clients);
        String run = Long.toString(System.currentTimeMillis(), 36);
        var bigCase = http.postJson(url + "/api/v1/case", "{\"title\":\"workload " + run + "\",\"description\":\"a long investigation\"}");
        var otherCase = http.postJson(url + "/api/v1/case", "{\"title\":\"workload " + run + " observables\",\"description\":\"x\"}");
        if (bigCase.status() != 201 || otherCase.status() != 201) throw new IllegalStateException("case creation refused: " + bigCase.body());
        String caseId = first(ID, bigCase.body()), otherId = first(ID, otherCase.body());
        String number = first(NUMBER, bigCase.body());

        ExecutorService clients = Executors.newFixedThreadPool(o.clients);
        try {
            System.out.printf("Case workload benchmark against %s: %d tasks, %d logs, %d comments, %d clients%n",
                    url, o.tasks, o.logs, o.comments, o.clients);
            long t0 = System.nanoTime();
            List<String> taskIds = createTasks(http, clients, url, caseId, o);
            System.out.printf("  %d tasks created in %.1f s%n", taskIds.size(), (System.nanoTime() - t0) / 1e9);
            fill(http, clients, url, caseId, otherId, taskIds, run, o);
            refreshStatistics(o.start);
            System.out.println("Warm reads (" + o.reads + " of each after " + o.reads + " unmeasured):");
            Map<String, Reader> reads = new LinkedHashMap<>();
            reads.put("API case", () -> http.get(url + "/api/v1/case/" + caseId));
            reads.put("API tasks, page 1", () -> http.postJson(url + "/api/v1/query", query(caseId, "{\"_name\":\"tasks\"}",
                    "{\"_name\":\"sort\",\"_fields\":[{\"order\":\"asc\"}]}")));
            reads.put("API logs, page 1", () -> http.postJson(url + "/api/v1/query", query(caseId,
                    "{\"_name\":\"tasks\"},{\"_name\":\"logs\"}", "{\"_name\":\"sort\",\"_fields\":[{\"date\":\"desc\"}]}")));
            reads.put("API comments, page 1", () -> http.postJson(url + "/api/v1/query", query(caseId,
                    "{\"_name\":\"comments\"}", "{\"_name\":\"sort\",\"_fields\":[{\"_createdAt\":\"desc\"}]}")));
            reads.put("API timeline, 50", () -> http.get(url + "/api/v1/case/" + caseId + "/timeline?limit=50"));
            if (password != null) {
                Ui ui = Ui.login(url, o.login, password);
                for (String tab : List.of("", "/tasks", "/notes", "/timeline")) {
                    reads.put("UI case " + (tab.isEmpty() ? "page" : tab.substring(1)), () -> ui.get("/cases/" + number + tab));
                }
            } else {
                System.out.println("  (UI pages skipped: give --password for the UI login)");
            }
            for (var read : reads.entrySet()) measure(read.getKey(), read.getValue(), o.reads);
        } finally {
            clients.shutdown();
        }
    }

    private static List<String> createTasks(KeepAliveHttp http, ExecutorService clients, String url, String caseId, Options o)
            throws Exception {
        String[] ids = new String[o.tasks];
        AtomicInteger next = new AtomicInteger();
        parallel(clients, o.clients, () -> {
            int n;
            while ((n = next.getAndIncrement()) < o.tasks) {
                var r = http.postJson(url + "/api/v1/case/" + caseId + "/task",
                        "{\"title\":\"task " + n + "\",\"group\":\"group " + (n % 10) + "\",\"description\":\"step " + n + "\"}");
                if (r.status() != 201) throw new IllegalStateException("task refused: HTTP " + r.status() + " " + r.body());
                ids[n] = first(ID, r.body());
            }
        });
        return List.of(ids);
    }

    /** Logs and comments into the case, and as many observables into the other case, interleaved so both see the same load. */
    private static void fill(KeepAliveHttp http, ExecutorService clients, String url, String caseId, String otherId,
                             List<String> taskIds, String run, Options o) throws Exception {
        Latencies logs = new Latencies(o.logs), comments = new Latencies(o.comments), observables = new Latencies(o.logs);
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        int total = Math.max(o.logs, o.comments);
        long t0 = System.nanoTime();
        parallel(clients, o.clients, () -> {
            int n;
            while ((n = next.getAndIncrement()) < total) {
                final int i = n;
                if (i < o.logs) {
                    timed(logs, errors, () -> http.postJson(url + "/api/v1/task/" + taskIds.get(i % taskIds.size()) + "/log",
                            "{\"message\":\"Checked **host " + i + "**: nothing found\"}"));
                    timed(observables, errors, () -> http.postJson(url + "/api/v1/case/" + otherId + "/observable",
                            "{\"dataType\":\"domain\",\"data\":\"w" + i + "." + run + ".example\",\"ioc\":false}"));
                }
                if (i < o.comments) {
                    timed(comments, errors, () -> http.postJson(url + "/api/v1/case/" + caseId + "/comment",
                            "{\"message\":\"Comment " + i + " on the investigation\"}"));
                }
            }
        });
        System.out.printf("  filled in %.1f s, %d errors%n", (System.nanoTime() - t0) / 1e9, errors.get());
        System.out.printf("  add a task log      %s%n", logs.summary());
        System.out.printf("  add an observable   %s%n", observables.summary());
        System.out.printf("  add a comment       %s%n", comments.summary());
    }

    /**
     * A hub started here on PostgreSQL has just had its tables filled: its planner's statistics are
     * brought up to date as autovacuum would within minutes, so that the reads show a steady state.
     */
    private static void refreshStatistics(String jdbcUrl) throws java.sql.SQLException {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) return;
        try (var c = java.sql.DriverManager.getConnection(jdbcUrl); var s = c.createStatement()) {
            s.execute("ANALYZE");
        }
        System.out.println("  PostgreSQL statistics refreshed (ANALYZE), as autovacuum does after such a fill");
    }

    private static void measure(String name, Reader read, int times) throws Exception {
        for (int i = 0; i < times; i++) check(name, read.read());
        Latencies l = new Latencies(times);
        for (int i = 0; i < times; i++) {
            long t = System.nanoTime();
            KeepAliveHttp.Response r = read.read();
            l.record(System.nanoTime() - t);
            check(name, r);
        }
        System.out.printf("  %-22s %s, %d KB%n", name, l.summary(), read.read().body().length() / 1024);
    }

    private static void check(String name, KeepAliveHttp.Response r) {
        if (r.status() != 200) throw new IllegalStateException(name + ": HTTP " + r.status() + " " + r.body());
    }

    private static String query(String caseId, String navigation, String sort) {
        return "{\"query\":[{\"_name\":\"getCase\",\"idOrName\":\"" + caseId + "\"}," + navigation + "," + sort
                + ",{\"_name\":\"page\",\"from\":0,\"to\":50}]}";
    }

    private static void timed(Latencies into, AtomicLong errors, Reader call) throws Exception {
        long t = System.nanoTime();
        int status = call.read().status();
        into.record(System.nanoTime() - t);
        if (status != 201) errors.incrementAndGet();
    }

    private static void parallel(ExecutorService pool, int clients, Work work) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) futures.add(pool.submit(() -> { work.run(); return null; }));
        for (Future<?> f : futures) f.get();
    }

    private static String first(Pattern p, String body) {
        Matcher m = p.matcher(body);
        if (!m.find()) throw new IllegalStateException("unexpected answer: " + body);
        return m.group(1);
    }

    private interface Reader { KeepAliveHttp.Response read() throws Exception; }

    private interface Work { void run() throws Exception; }

    /** The UI as a browser session: a login form with its CSRF token, then a session cookie. */
    private record Ui(HttpClient client, String url) {
        static Ui login(String url, String login, String password) throws IOException, InterruptedException {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String form = client.send(HttpRequest.newBuilder(URI.create(url + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = CSRF.matcher(form);
            if (!csrf.find()) throw new IllegalStateException("no CSRF token in the login form");
            String body = "username=" + enc(login) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
            var r = client.send(HttpRequest.newBuilder(URI.create(url + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            String to = r.headers().firstValue("Location").orElse("");
            if (r.statusCode() != 302 || to.contains("error")) throw new IllegalStateException("UI login refused (HTTP " + r.statusCode() + " " + to + ")");
            return new Ui(client, url);
        }

        KeepAliveHttp.Response get(String path) throws IOException, InterruptedException {
            var r = client.send(HttpRequest.newBuilder(URI.create(url + path)).build(), HttpResponse.BodyHandlers.ofString());
            return new KeepAliveHttp.Response(r.statusCode(), r.body());
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    record Options(String url, String key, String login, String password, String start, String jar,
                   int tasks, int logs, int comments, int clients, int reads) {
        static Options parse(String[] args) {
            String url = "http://127.0.0.1:9000", key = System.getenv("SIGHTLINE_API_KEY"), login = "admin", password = null, start = null;
            String jar = "server/target/sightline-server.jar";
            int tasks = 1000, logs = 10_000, comments = 10_000, clients = 8, reads = 50;
            for (int i = 0; i < args.length; i++) {
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--url" -> { url = v; i++; }
                    case "--key" -> { key = v; i++; }
                    case "--login" -> { login = v; i++; }
                    case "--password" -> { password = v; i++; }
                    case "--start" -> { start = v; i++; }
                    case "--jar" -> { jar = v; i++; }
                    case "--tasks" -> { tasks = Integer.parseInt(v); i++; }
                    case "--logs" -> { logs = Integer.parseInt(v); i++; }
                    case "--comments" -> { comments = Integer.parseInt(v); i++; }
                    case "--clients" -> { clients = Integer.parseInt(v); i++; }
                    case "--reads" -> { reads = Integer.parseInt(v); i++; }
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; use --url URL --key KEY [--login L"
                            + " --password P] | --start h2|JDBC_URL, --tasks N --logs N --comments N --clients C --reads R");
                }
            }
            if (start == null && key == null) throw new IllegalArgumentException("give --key (or SIGHTLINE_API_KEY) or --start h2|JDBC_URL");
            if (tasks < 1 || reads < 1 || clients < 1) throw new IllegalArgumentException("--tasks, --reads and --clients must be at least 1");
            return new Options(url, key, login, password, start, jar, tasks, logs, comments, clients, reads);
        }
    }
}
