package io.sightline.testkit.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipFile;

/**
 * {@code ./sightline bench intel-lookup [--objects N] [--lookups N] [--jar path] [--keep]}: one
 * million generated STIX objects (see {@link IntelBenchCorpus}) in the hub's intel store on
 * PostgreSQL, then "seen in intel" lookups, half of stored values, half of absent ones, printing
 * latency percentiles (target: p99 under 5 ms).
 *
 * <p>Uses the machine's PostgreSQL on 127.0.0.1:5432 (user postgres) when it answers, else an
 * embedded one, in a fresh database. The hub's jar is started on that database, so the schema is
 * the one its Flyway migrations (V5) create; the rows are then loaded with COPY. Lookups are
 * measured twice: the hub's own query ({@code seen-in-intel.sql}, read from the jar) over JDBC,
 * and {@code GET /api/v1/intel/lookup} over HTTP end to end.
 */
public final class IntelLookupBench {
    private static final String LOCAL_PG = "jdbc:postgresql://127.0.0.1:5432/";
    private static final List<String> INTEL_TABLES = List.of("intel_object", "intel_report", "intel_object_report", "intel_value");
    private static final String LOOKUP_SQL = "BOOT-INF/classes/io/sightline/server/intel/seen-in-intel.sql";

    private IntelLookupBench() {}

    public static void main(String[] args) throws Exception {
        int objects = 1_000_000;
        int lookups = 20_000;
        String jar = "server/target/sightline-server.jar";
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--objects" -> objects = Integer.parseInt(args[++i]);
                case "--lookups" -> lookups = Integer.parseInt(args[++i]);
                case "--jar" -> jar = args[++i];
                case "--keep" -> keep = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (options: --objects N, --lookups N, --jar path, --keep)");
            }
        }
        EmbeddedPostgres embedded = null;
        String serverUrl = LOCAL_PG;
        if (!answers(LOCAL_PG + "postgres")) {
            System.out.println("No PostgreSQL on 127.0.0.1:5432; starting an embedded one");
            embedded = EmbeddedPostgres.builder().start();
            serverUrl = "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/";
        }
        String database = "sightline_intel_bench_" + System.currentTimeMillis();
        try (Connection admin = DriverManager.getConnection(serverUrl + "postgres", "postgres", "")) {
            admin.createStatement().execute("CREATE DATABASE " + database);
        }
        String url = serverUrl + database;
        System.out.println("Database " + url);
        try {
            run(url, Path.of(jar), objects, lookups);
        } finally {
            if (!keep) {
                try (Connection admin = DriverManager.getConnection(serverUrl + "postgres", "postgres", "")) {
                    admin.createStatement().execute("DROP DATABASE IF EXISTS " + database);
                }
            }
            if (embedded != null) embedded.close();
        }
    }

    private static void run(String url, Path jar, int objects, int lookups) throws Exception {
        Path log = Files.createTempFile("sightline-bench-hub-", ".log");
        System.out.println("Starting the hub on it (log: " + log + ")");
        try (HubProcess hub = HubProcess.start(jar, url, List.of("--spring.datasource.username=postgres"), log);
             Connection db = DriverManager.getConnection(url, "postgres", "")) {
            IntelBenchCorpus corpus = new IntelBenchCorpus(objects, 42, Math.max(1, lookups / 2));
            try (Statement s = db.createStatement()) {
                s.execute("SET synchronous_commit TO off");
            }
            long start = System.nanoTime();
            DeferredIndexes deferred = DeferredIndexes.drop(db, INTEL_TABLES);
            corpus.load(db);
            double copied = (System.nanoTime() - start) / 1e9;
            int rebuilt = deferred.restore(db);
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("Loaded %,d objects, %,d values, %,d report links, %,d reports in %.1f s (%,.0f objects/s):"
                            + " generation and COPY %.1f s (COPY busy %.1f s of it), %d indexes and constraints rebuilt in %.1f s%n",
                    objects, corpus.valueRows(), corpus.linkRows(), corpus.reports(), loadSeconds, objects / loadSeconds,
                    copied, corpus.copySeconds(), rebuilt, loadSeconds - copied);
            try (Statement s = db.createStatement()) {
                s.execute("VACUUM ANALYZE"); // what autovacuum would have done on a store filled over time
                ResultSet size = s.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))");
                size.next();
                System.out.println("Database size " + size.getString(1));
            }
            List<Probe> probes = probes(corpus, lookups);
            String sql = lookupSql(jar);
            explain(db, sql, probes.stream().filter(Probe::stored).findFirst().orElseThrow());
            measureSql(db, sql, probes);
            measureHttp(hub.url(), probes);
        }
    }

    /** A lookup and whether it must find something. */
    private record Probe(String dataType, String data, boolean stored) {}

    private static List<Probe> probes(IntelBenchCorpus corpus, int lookups) {
        List<Probe> probes = new ArrayList<>();
        List<IntelBenchCorpus.Value> stored = corpus.storedSample();
        for (int i = 0; i < lookups; i++) {
            IntelBenchCorpus.Value v = i % 2 == 0 ? stored.get((i / 2) % stored.size()) : corpus.missingValue(i);
            probes.add(new Probe(v.dataType(), v.data(), i % 2 == 0));
        }
        Collections.shuffle(probes, new Random(7));
        return probes;
    }

    private static void measureSql(Connection db, String sql, List<Probe> probes) throws SQLException {
        MessageDigest sha256 = sha256();
        try (PreparedStatement lookup = db.prepareStatement(sql)) {
            for (int round = 0; round < 2; round++) {
                Latencies latencies = new Latencies(probes.size());
                int wrong = 0;
                long rows = 0;
                for (Probe p : probes) {
                    long t0 = System.nanoTime();
                    lookup.setString(1, HexFormat.of().formatHex(sha256.digest(p.data().getBytes(StandardCharsets.UTF_8))));
                    lookup.setString(2, p.dataType());
                    lookup.setInt(3, 100);
                    int found = 0;
                    try (ResultSet rs = lookup.executeQuery()) {
                        while (rs.next()) found++;
                    }
                    latencies.record(System.nanoTime() - t0);
                    rows += found;
                    if ((found > 0) != p.stored()) wrong++;
                }
                System.out.printf("SQL lookups%s: %,d (half stored values), %s; %,d sightings returned; %d wrong answers"
                        + " [load average %s]%n", round == 0 ? " (cold)" : " (warm)", probes.size(), latencies.summary(), rows, wrong,
                        loadAverage());
            }
        }
    }

    /** The plan of one lookup, to show which indexes it uses. */
    private static void explain(Connection db, String sql, Probe p) throws SQLException {
        try (PreparedStatement explain = db.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            explain.setString(1, HexFormat.of().formatHex(sha256().digest(p.data().getBytes(StandardCharsets.UTF_8))));
            explain.setString(2, p.dataType());
            explain.setInt(3, 100);
            System.out.println("Plan of a lookup of a stored " + p.dataType() + ":");
            try (ResultSet rs = explain.executeQuery()) {
                while (rs.next()) System.out.println("  " + rs.getString(1));
            }
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * Lookups over HTTP, interleaved with as many {@code GET /api/v1/user/current} requests (same
     * authentication, no intel): the difference between the two is the cost of the lookup itself.
     */
    private static void measureHttp(String hubUrl, List<Probe> probes) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest baseline = HttpRequest.newBuilder(URI.create(hubUrl + "/api/v1/user/current"))
                .header("Authorization", "Bearer " + HubProcess.ADMIN_KEY).build();
        for (int i = 0; i < 500; i++) {
            get(http, hubUrl, probes.get(i)); // JIT and connection warm-up
            http.send(baseline, HttpResponse.BodyHandlers.ofString());
        }
        Latencies latencies = new Latencies(probes.size());
        Latencies baselineLatencies = new Latencies(probes.size());
        int wrong = 0;
        int errors = 0;
        for (Probe p : probes) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = get(http, hubUrl, p);
            latencies.record(System.nanoTime() - t0);
            if (r.statusCode() != 200) {
                errors++;
            } else if (r.body().contains("\"count\":0,") == p.stored()) {
                wrong++;
            }
            long t1 = System.nanoTime();
            if (http.send(baseline, HttpResponse.BodyHandlers.ofString()).statusCode() != 200) errors++;
            baselineLatencies.record(System.nanoTime() - t1);
        }
        System.out.printf("HTTP GET /api/v1/intel/lookup: %,d, %s; %d errors, %d wrong answers [load average %s]%n",
                probes.size(), latencies.summary(), errors, wrong, loadAverage());
        System.out.printf("HTTP GET /api/v1/user/current (baseline, no intel): %,d, %s%n", probes.size(), baselineLatencies.summary());
    }

    private static HttpResponse<String> get(HttpClient http, String hubUrl, Probe p) throws IOException, InterruptedException {
        String query = "dataType=" + p.dataType() + "&value=" + URLEncoder.encode(p.data(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(hubUrl + "/api/v1/intel/lookup?" + query))
                .header("Authorization", "Bearer " + HubProcess.ADMIN_KEY).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String lookupSql(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            var entry = zip.getEntry(LOOKUP_SQL);
            if (entry == null) throw new IllegalStateException(jar + " has no " + LOOKUP_SQL + "; rebuild the hub");
            try (InputStream in = zip.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    private static boolean answers(String url) {
        try (Connection ignored = DriverManager.getConnection(url, "postgres", "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
