package io.sightline.testkit.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code ./sightline bench scale}: a hub on PostgreSQL holding a million cases, five million
 * observables, 200,000 alerts and two million tasks across 20 organisations (written with COPY into
 * the schema its migrations made, then analysed), asked by 8 concurrent clients, as the
 * organisations' analysts, what analysts and SOAR playbooks ask all day through {@code /api/v1/query}.
 * Prints p50/p95/p99 per query, warm, and writes each query's plan to {@code docs/scale/}. Runs in
 * its own database, {@code sightline_scale}, made and dropped here.
 */
public final class ScaleBench {
    static final String DATABASE = "sightline_scale";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScaleBench() {}

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        try (Connection admin = DriverManager.getConnection(o.server + "postgres", "postgres", ""); Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE);
        }
        String url = o.server + DATABASE;
        try {
            run(o, url);
        } finally {
            if (!o.keep) {
                try (Connection admin = DriverManager.getConnection(o.server + "postgres", "postgres", ""); Statement s = admin.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
                }
            }
        }
    }

    private static void run(Options o, String url) throws Exception {
        List<String> hubArgs = List.of("--spring.datasource.username=postgres");
        Path log = Files.createTempFile("sightline-bench-scale-hub-", ".log");
        System.out.printf("Scale benchmark: %,d cases, %,d observables, %,d alerts, %,d tasks, %d organisations; database %s (hub log %s)%n",
                o.sizes.cases(), o.sizes.observables(), o.sizes.alerts(), o.sizes.tasks(), o.orgs, url, log);
        ScaleData data;
        List<ScaleQueries.Client> clients;
        List<ScaleQueries.Query> queries;
        String summary;
        try (HubProcess hub = HubProcess.start(Path.of(o.jar), url, hubArgs, log); Connection db = DriverManager.getConnection(url, "postgres", "")) {
            KeepAliveHttp admin = new KeepAliveHttp(HubProcess.ADMIN_KEY, o.clients);
            clients = new ArrayList<>();
            List<ScaleData.Org> orgs = ScaleOrganisations.create(admin, hub.url(), db, o.orgs, o.analysts, clients);
            data = new ScaleData(o.sizes, orgs, System.currentTimeMillis());
            load(db, data);
            queries = ScaleQueries.all(data);
            summary = measure(hub, url, clients, queries, o);
        }
        Path plans = Path.of(o.plans);
        Files.createDirectories(plans);
        Files.writeString(plans.resolve("figures.txt"), summary, StandardCharsets.UTF_8);
        writePlans(o, url, plans, clients, queries);
    }

    private static void load(Connection db, ScaleData data) throws Exception {
        long start = System.nanoTime();
        try (Statement s = db.createStatement()) {
            s.execute("SET synchronous_commit TO off");
            s.execute("SET maintenance_work_mem TO '512MB'"); // index builds over millions of rows, as a DBA would allow them
        }
        DeferredIndexes deferred = DeferredIndexes.drop(db, ScaleData.TABLES);
        // The PostgreSQL migrations check observables' alerts in a statement trigger instead of a foreign key: like the
        // foreign keys, it is off during the load (whose chunks do not follow the tables' order) and its rule checked once after.
        triggers(db, "DISABLE");
        long[] rows;
        double copyBusy;
        try (CopyWriter out = new CopyWriter(db)) {
            rows = data.write(out);
            copyBusy = out.finish();
        }
        triggers(db, "ENABLE");
        data.finish(db);
        double copied = (System.nanoTime() - start) / 1e9;
        int rebuilt = deferred.restore(db);
        double indexed = (System.nanoTime() - start) / 1e9 - copied;
        try (Statement s = db.createStatement()) {
            // What autovacuum does soon after such a fill: statistics for the planner, a visibility map for index-only scans.
            s.execute("VACUUM ANALYZE " + String.join(", ", ScaleData.TABLES));
        }
        double total = (System.nanoTime() - start) / 1e9;
        System.out.printf("Loaded %,d cases, %,d alerts, %,d observables, %,d tasks, %,d tags in %.0f s:%n", rows[0], rows[1], rows[2], rows[3], rows[4], total);
        System.out.printf("  generation and COPY %.0f s (COPY busy %.0f s), %d indexes and constraints rebuilt in %.0f s, VACUUM ANALYZE %.0f s%n",
                copied, copyBusy, rebuilt, indexed, total - copied - indexed);
        try (Statement s = db.createStatement(); ResultSet size = s.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))")) {
            size.next();
            System.out.println("  database size " + size.getString(1));
        }
    }

    private static void triggers(Connection db, String action) throws Exception {
        try (Statement s = db.createStatement()) {
            for (String table : ScaleData.TABLES) s.execute("ALTER TABLE " + table + " " + action + " TRIGGER USER");
        }
    }

    /** Warm-up, then the measured requests: every client asks each query in turn, as a random analyst. */
    private static String measure(HubProcess hub, String jdbcUrl, List<ScaleQueries.Client> clients, List<ScaleQueries.Query> queries,
                                  Options o) throws Exception {
        String url = hub.url();
        Map<String, KeepAliveHttp> byKey = new java.util.HashMap<>();
        for (ScaleQueries.Client c : clients) byKey.put(c.key(), new KeepAliveHttp(c.key(), o.clients));
        int perClient = (o.requests * queries.size() + o.clients - 1) / o.clients;
        round(url, clients, queries, byKey, null, (o.warmUp * queries.size() + o.clients - 1) / o.clients, o.clients, 1);
        List<Latencies> latencies = new ArrayList<>();
        List<AtomicLong> rows = new ArrayList<>();
        for (int q = 0; q < queries.size(); q++) {
            latencies.add(new Latencies(perClient * o.clients));
            rows.add(new AtomicLong());
        }
        String database = CpuTimes.postgresDatabase(jdbcUrl);
        double hubCpu0 = CpuTimes.ofProcess(hub.pid()), clientCpu0 = CpuTimes.ofThisProcess();
        Map<Long, Double> dbCpu0 = CpuTimes.ofPostgresBackends(database);
        long start = System.nanoTime();
        round(url, clients, queries, byKey, new Recorder(latencies, rows), perClient, o.clients, 2);
        double seconds = (System.nanoTime() - start) / 1e9;
        int requests = perClient * o.clients;
        double hubCpu = CpuTimes.ofProcess(hub.pid()) - hubCpu0, clientCpu = CpuTimes.ofThisProcess() - clientCpu0;
        double dbCpu = CpuTimes.delta(dbCpu0, CpuTimes.ofPostgresBackends(database));
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%,d requests by %d clients in %.0f s (%.0f/s), after %,d of warm-up; client's latencies on loopback:%n",
                perClient * o.clients, o.clients, seconds, perClient * o.clients / seconds, o.warmUp * queries.size()));
        out.append(String.format(Locale.ROOT, "  (%d cores; load average at the end, 1/5/15 min: %s)%n", Runtime.getRuntime().availableProcessors(), loadAverage()));
        // Where the machine's time went, per request: on a shared machine latency says little, CPU says what a request costs.
        out.append(String.format(Locale.ROOT, "  CPU per request: hub %.2f ms, PostgreSQL %.2f ms, this client %.2f ms%n",
                hubCpu * 1000 / requests, dbCpu * 1000 / requests, clientCpu * 1000 / requests));
        out.append(String.format(Locale.ROOT, "  %-34s %9s %9s %9s %9s  %s%n", "query", "p50", "p95", "p99", "max", "rows per answer"));
        for (int q = 0; q < queries.size(); q++) {
            Latencies l = latencies.get(q);
            out.append(String.format(Locale.ROOT, "  %-34s %6.1f ms %6.1f ms %6.1f ms %6.1f ms  %.1f%n", queries.get(q).name(),
                    l.percentileMillis(50), l.percentileMillis(95), l.percentileMillis(99), l.percentileMillis(100),
                    rows.get(q).get() / (double) Math.max(1, l.count())));
        }
        System.out.print(out);
        return out.toString();
    }

    /** What else ran on the machine while measuring: the figures of a shared machine need it beside them. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException | RuntimeException notLinux) {
            return "unknown";
        }
    }

    /** Latencies and answer sizes per query. */
    private record Recorder(List<Latencies> latencies, List<AtomicLong> rows) {}

    private static void round(String url, List<ScaleQueries.Client> clients, List<ScaleQueries.Query> queries, Map<String, KeepAliveHttp> http,
                              Recorder recorder, int perClient, int threads, long seed) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                final int thread = t;
                running.add(pool.submit(() -> {
                    SplittableRandom rnd = new SplittableRandom(seed * 1000 + thread);
                    for (int r = 0; r < perClient; r++) {
                        int q = (thread + r) % queries.size();
                        ScaleQueries.Query query = queries.get(q);
                        ScaleQueries.Client client = clients.get(rnd.nextInt(clients.size()));
                        String body = query.body().of(client, rnd);
                        long t0 = System.nanoTime();
                        KeepAliveHttp.Response answer = http.get(client.key()).postJson(url + "/api/v1/query?name=" + query.route(), body);
                        long took = System.nanoTime() - t0;
                        if (answer.status() != 200) throw new IllegalStateException(query.name() + ": HTTP " + answer.status() + " " + answer.body());
                        if (recorder != null) {
                            recorder.latencies().get(q).record(took);
                            recorder.rows().get(q).addAndGet(rowsOf(answer.body()));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) f.get();
        } finally {
            pool.shutdown();
        }
    }

    /** The records a list answered, or the number a count answered. */
    private static long rowsOf(String body) {
        JsonNode answer = JSON.readTree(body);
        return answer.isArray() ? answer.size() : answer.asLong();
    }

    /**
     * A second hub on the same database logs its statements; each query is asked once by the first
     * organisation's busiest analyst, and the query engine's statements for it are explained.
     */
    private static void writePlans(Options o, String url, Path plans, List<ScaleQueries.Client> clients, List<ScaleQueries.Query> queries)
            throws Exception {
        Path log = Files.createTempFile("sightline-bench-scale-plans-", ".log");
        List<String> args = new ArrayList<>(List.of("--spring.datasource.username=postgres"));
        args.addAll(ScalePlans.SQL_LOGGING);
        ScaleQueries.Client analyst = clients.get(0);
        try (HubProcess hub = HubProcess.start(Path.of(o.jar), url, args, log); Connection db = DriverManager.getConnection(url, "postgres", "")) {
            KeepAliveHttp http = new KeepAliveHttp(analyst.key(), 1);
            for (ScaleQueries.Query query : queries) {
                String body = query.body().of(analyst, new SplittableRandom(11));
                int from = ScalePlans.lineCount(log);
                KeepAliveHttp.Response answer = http.postJson(hub.url() + "/api/v1/query?name=" + query.route(), body);
                if (answer.status() != 200) throw new IllegalStateException(query.name() + ": HTTP " + answer.status() + " " + answer.body());
                StringBuilder file = new StringBuilder("-- ").append(query.name()).append(", asked by ").append(analyst.login())
                        .append(String.format(Locale.ROOT, " (%,d cases in the database)%n-- POST /api/v1/query %s%n", o.sizes.cases(), body));
                for (ScalePlans.Statement statement : ScalePlans.engineStatements(log, from)) {
                    file.append("\n").append(statement.sql()).append("\n-- values: ").append(statement.values()).append("\n\n")
                            .append(ScalePlans.explain(db, statement));
                }
                Path target = plans.resolve(slug(query.name()) + ".txt");
                Files.writeString(target, file, StandardCharsets.UTF_8);
            }
        }
        System.out.println("Plans written to " + plans.toAbsolutePath());
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replace("%", "pct").replaceAll("[^a-z0-9.]+", "-").replaceAll("^-|-$", "");
    }

    record Options(String server, String jar, String plans, ScaleData.Sizes sizes, int orgs, int analysts, int clients, int requests,
                   int warmUp, boolean keep) {
        static final ScaleData.Sizes ISSUE = new ScaleData.Sizes(1_000_000, 5_000_000, 200_000, 2_000_000);

        static Options parse(String[] args) {
            String server = "jdbc:postgresql://127.0.0.1:5432/", jar = "server/target/sightline-server.jar", plans = "docs/scale";
            double scale = 1;
            Integer cases = null, observables = null, alerts = null, tasks = null;
            int orgs = 20, analysts = 12, clients = 8, requests = 1500, warmUp = 100;
            boolean keep = false;
            for (int i = 0; i < args.length; i++) {
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--scale" -> { scale = Double.parseDouble(v); i++; }
                    case "--cases" -> { cases = Integer.parseInt(v); i++; }
                    case "--observables" -> { observables = Integer.parseInt(v); i++; }
                    case "--alerts" -> { alerts = Integer.parseInt(v); i++; }
                    case "--tasks" -> { tasks = Integer.parseInt(v); i++; }
                    case "--orgs" -> { orgs = Integer.parseInt(v); i++; }
                    case "--analysts" -> { analysts = Integer.parseInt(v); i++; }
                    case "--clients" -> { clients = Integer.parseInt(v); i++; }
                    case "--requests" -> { requests = Integer.parseInt(v); i++; }
                    case "--warm-up" -> { warmUp = Integer.parseInt(v); i++; }
                    case "--server" -> { server = v; i++; }
                    case "--jar" -> { jar = v; i++; }
                    case "--plans" -> { plans = v; i++; }
                    case "--keep" -> keep = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; use --scale F, --cases N, --observables N,"
                            + " --alerts N, --tasks N, --orgs N, --analysts N, --clients N, --requests N (per query), --warm-up N (per query),"
                            + " --server jdbc:postgresql://host:port/, --jar PATH, --plans DIR, --keep");
                }
            }
            ScaleData.Sizes scaled = ISSUE.scaled(scale);
            ScaleData.Sizes sizes = new ScaleData.Sizes(cases != null ? cases : scaled.cases(), observables != null ? observables : scaled.observables(),
                    alerts != null ? alerts : scaled.alerts(), tasks != null ? tasks : scaled.tasks());
            if (orgs < 1 || analysts < 1 || clients < 1 || requests < 1 || warmUp < 0) {
                throw new IllegalArgumentException("--orgs, --analysts, --clients and --requests must be at least 1");
            }
            if (!server.endsWith("/")) server = server + "/";
            return new Options(server, jar, plans, sizes, orgs, analysts, clients, requests, warmUp, keep);
        }
    }
}
