package io.sightline.testkit.bench;

import io.sightline.integrations.misp.MispClient;
import io.sightline.integrations.misp.MispEventQuery;
import io.sightline.integrations.misp.model.MispEventSummary;
import io.sightline.integrations.misp.reading.MispEventReader;

import io.sightline.integrations.http.HttpAuth;
import io.sightline.integrations.http.HttpTargetConfig;
import io.sightline.testkit.misp.MispEmulator;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./sightline bench misp-import [events] [attributes] [heap] [--rounds=N]}: the hub jar, started as a
 * child process with a bounded heap (default 256m) on a fresh PostgreSQL database (the machine's
 * server at 127.0.0.1:5432, user postgres; created with {@code createdb}, dropped afterwards),
 * imports {@code events} × {@code attributes} generated events (default 1,000 × 200) from the
 * MISP emulator on loopback, once the hub has gone idle after its start (its start-up compilation
 * would otherwise be counted). Prints attributes per second, the hub's peak heap (from its GC log:
 * the use before each collection), and the ratio to the time the same JSON takes only to be
 * parsed (from memory) and to be fetched and parsed (same client and emulator, no database).
 * CPU seconds are reported per phase: this process (emulator and client), the hub, and the
 * PostgreSQL backends of the bench database. {@code SIGHTLINE_HUB_JAVA_OPTS} passes JVM options to the hub,
 * e.g. {@code -XX:StartFlightRecording=filename=hub.jfr} to profile it. {@code --rounds=N} imports
 * N batches of as many new events one after the other into the same hub: the first import after
 * start-up also pays for the JIT compiling the import path (several CPU-seconds on a small
 * machine); the later ones show the rate of a hub that has been running.
 */
public final class MispImportBench {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ADMIN_KEY = "sl_bench_admin_key_0123456789";
    /** Full events per {@code /events/restSearch} request, as the hub asks for them (small events). */
    private static final int EVENTS_PER_REQUEST = 100;

    private MispImportBench() {}

    public static void main(String[] args) throws Exception {
        List<String> positional = java.util.Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        int events = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 1000;
        int attributes = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 200;
        String heap = positional.size() > 2 ? positional.get(2) : "256m";
        int rounds = java.util.Arrays.stream(args).filter(a -> a.startsWith("--rounds="))
                .mapToInt(a -> Integer.parseInt(a.substring("--rounds=".length()))).reduce((a, b) -> b).orElse(1);
        Path jar = Path.of("server/target/sightline-server.jar").toAbsolutePath();
        if (!Files.exists(jar)) throw new IllegalStateException("build the hub first: " + jar + " is missing");

        try (MispEmulator misp = MispEmulator.start()) {
            long timestamp = 1_750_000_000L;
            for (int i = 0; i < events; i++) {
                misp.store().addGenerated("bench event " + i, attributes, timestamp + i, List.of("tlp:green"));
            }
            long total = (long) events * attributes;
            System.out.printf(Locale.ROOT, "MISP emulator: %d events x %d attributes = %,d attributes on %s%n",
                    events, attributes, total, misp.baseUrl());

            double cpu = CpuTimes.ofThisProcess();
            double memorySeconds = parseFromMemory(misp, events);
            System.out.printf(Locale.ROOT, "parse only, from memory: %.2f s (%,.0f attributes/s), %.2f CPU-s%n", memorySeconds,
                    total / memorySeconds, CpuTimes.ofThisProcess() - cpu);
            cpu = CpuTimes.ofThisProcess();
            double parseSeconds = parseOnly(misp);
            System.out.printf(Locale.ROOT, "fetch + parse only, over loopback: %.2f s (%,.0f attributes/s), %.2f CPU-s"
                    + " (emulator and client)%n", parseSeconds, total / parseSeconds, CpuTimes.ofThisProcess() - cpu);

            String db = "sightline_bench_" + UUID.randomUUID().toString().replace("-", "");
            run("createdb", "-h", "127.0.0.1", "-U", "postgres", db);
            int port = freePort();
            Path dataDir = Files.createTempDirectory("sightline-bench");
            Path log = dataDir.resolve("hub.log");
            String jdbcUrl = "jdbc:postgresql://127.0.0.1:5432/" + db;
            GcLogPeak gcLog = new GcLogPeak(dataDir.resolve("gc.log"));
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + heap, gcLog.option()));
            command.addAll(HubProcess.extraJvmOptions());
            command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
                    "--spring.datasource.url=" + jdbcUrl,
                    "--spring.datasource.username=postgres", "--spring.datasource.password=",
                    "--sightline.data-dir=" + dataDir, "--sightline.admin.api-key=" + ADMIN_KEY,
                    "--misp.syncInitialDelay=1h", "--misp.servers[0].name=bench", "--misp.servers[0].url=" + misp.baseUrl(),
                    "--misp.servers[0].auth.key=" + misp.apiKey(), "--logging.level.root=WARN"));
            Process hub = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                String base = "http://127.0.0.1:" + port;
                waitUntilUp(base, hub, log);
                System.out.printf(Locale.ROOT, "hub started with -Xmx%s on PostgreSQL database %s; idle %.1f s later%n", heap, db,
                        waitUntilIdle(hub));
                for (int round = 1; round <= rounds; round++) {
                    if (round > 1) {
                        for (int i = 0; i < events; i++) {
                            misp.store().addGenerated("bench event " + round + "." + i, attributes, timestamp + (long) (round - 1) * events + i,
                                    List.of("tlp:green"));
                        }
                    }
                    String lastTimestamp = Long.toString(timestamp + (long) round * events - 1);
                    double importSeconds = importRound(base, hub, jdbcUrl, db, gcLog, lastTimestamp, round, rounds, total, heap);
                    if (round == 1) {
                        System.out.printf(Locale.ROOT, "import time / parse-from-memory time: %.1f; import time / fetch+parse time: %.1f%n",
                                importSeconds / memorySeconds, importSeconds / parseSeconds);
                    }
                }
            } finally {
                hub.destroy();
                if (!hub.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) hub.destroyForcibly().waitFor();
                run("dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", db);
            }
        }
    }

    /** One sync of the events added since the last: prints its figures, returns its seconds. */
    private static double importRound(String base, Process hub, String jdbcUrl, String db, GcLogPeak gcLog, String lastTimestamp,
                                      int round, int rounds, long total, String heap) throws Exception {
        int gcLinesBefore = gcLog.lines();
        long writtenBefore = observablesWritten(base);
        Map<Long, Double> backendsBefore = CpuTimes.ofPostgresBackends(db);
        double hubCpu = CpuTimes.ofProcess(hub.pid());
        double selfCpu = CpuTimes.ofThisProcess();
        long started = System.nanoTime();
        long startedAt = System.currentTimeMillis();
        if (get(base, "/api/connector/misp/_syncAlerts").statusCode() != 204) throw new IllegalStateException("sync refused");
        // Watched in the database, not through the hub's API: polling the hub 20 times a second
        // cost it a tenth of a core. The checkpoint reaches the newest event's timestamp with the
        // transaction that writes that event, i.e. when the import has written everything.
        try (Connection watch = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            while (!lastTimestamp.equals(checkpoint(watch)) && !runEnded(base, startedAt)) Thread.sleep(20);
        }
        double importSeconds = (System.nanoTime() - started) / 1e9;
        JsonNode partition;
        while (!runEnded(partition = JSON.readTree(get(base, "/api/v1/connector/misp").body()).path("partitions").get(0), startedAt)) {
            Thread.sleep(20);
        }
        hubCpu = CpuTimes.ofProcess(hub.pid()) - hubCpu;
        selfCpu = CpuTimes.ofThisProcess() - selfCpu;
        double pgCpu = CpuTimes.delta(backendsBefore, CpuTimes.ofPostgresBackends(db));
        GcLogPeak.Peak gcPeak = gcLog.peakAfter(gcLinesBefore);
        double peakHeap = Math.max(gcPeak.beforeGc(), heapUsed(base));
        JsonNode counters = partition.path("counters");
        if (partition.path("consecutiveFailures").asInt() > 0) {
            throw new IllegalStateException("the sync failed: " + partition.path("lastError").asString());
        }
        long written = counters.path("observablesWritten").asLong() - writtenBefore;
        String label = rounds == 1 ? "" : String.format(Locale.ROOT, "round %d of %d%s, ", round, rounds,
                round == 1 ? " (first import after start-up: includes the JIT compiling the import path)" : "");
        System.out.printf(Locale.ROOT, "%simported: %,d observables written (counters %s)%n", label, written, counters);
        System.out.printf(Locale.ROOT, "import: %.2f s -> %,.0f attributes/s (%,.0f observables/s)%n", importSeconds,
                total / importSeconds, written / importSeconds);
        System.out.printf(Locale.ROOT, "import CPU: hub %.2f s, PostgreSQL backends %.2f s, emulator (and polling) %.2f s;"
                + " total %.2f CPU-s = %.1f µs per attribute (load average %.2f on %d cores)%n", hubCpu, pgCpu, selfCpu,
                hubCpu + pgCpu + selfCpu, (hubCpu + pgCpu + selfCpu) * 1e6 / total,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "hub peak heap used: %.0f MB of %s (largest before a GC, or at the end);"
                + " largest still reachable after a GC: %.0f MB%n", peakHeap / (1024 * 1024), heap,
                gcPeak.afterGc() / (1024.0 * 1024));
        return importSeconds;
    }

    private static long observablesWritten(String base) throws IOException, InterruptedException {
        return JSON.readTree(get(base, "/api/v1/connector/misp").body()).path("partitions").get(0).path("counters")
                .path("observablesWritten").asLong();
    }

    /** Same requests and streaming parser as the import, attributes counted and dropped. */
    private static double parseOnly(MispEmulator misp) {
        MispClient client = MispClient.create(HttpTargetConfig.builder("bench", misp.baseUrl())
                .auth(HttpAuth.rawKey(misp.apiKey())).requestTimeout(Duration.ofMinutes(2)).build());
        long started = System.nanoTime();
        List<MispEventSummary> summaries = new ArrayList<>();
        client.searchEvents(MispEventQuery.builder().build(), summaries::add);
        long[] count = {0};
        for (int from = 0; from < summaries.size(); from += EVENTS_PER_REQUEST) {
            List<String> ids = summaries.subList(from, Math.min(summaries.size(), from + EVENTS_PER_REQUEST)).stream()
                    .map(MispEventSummary::id).toList();
            client.fetchEvents(ids, (id, uuid) -> a -> count[0]++);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (count[0] == 0) throw new IllegalStateException("nothing parsed");
        return seconds;
    }

    /** The JSON of one event, read {@code events} times by the streaming reader: Jackson's share alone. */
    private static double parseFromMemory(MispEmulator misp, int events) throws IOException, InterruptedException {
        String id = misp.store().eventIds().get(0);
        byte[] json = HTTP.send(HttpRequest.newBuilder(URI.create(misp.baseUrl() + "/events/view/" + id))
                .header("Authorization", misp.apiKey()).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        MispEventReader reader = new MispEventReader();
        long[] count = {0};
        long started = System.nanoTime();
        for (int i = 0; i < events; i++) reader.read(new ByteArrayInputStream(json), a -> count[0]++);
        if (count[0] == 0) throw new IllegalStateException("nothing parsed");
        return (System.nanoTime() - started) / 1e9;
    }

    /** The MISP connector's checkpoint, null before the first commit. */
    private static String checkpoint(Connection db) throws SQLException {
        try (var s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT checkpoint_value FROM connector_checkpoint WHERE connector = 'misp'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Checked once a second besides the checkpoint: a failed run never moves it to the end. */
    private static long lastRunCheck;

    private static boolean runEnded(String base, long since) throws IOException, InterruptedException {
        if (System.nanoTime() - lastRunCheck < 1_000_000_000L) return false;
        lastRunCheck = System.nanoTime();
        return runEnded(JSON.readTree(get(base, "/api/v1/connector/misp").body()).path("partitions").get(0), since);
    }

    /** Whether a run started at or after {@code since} (epoch ms) has ended. */
    private static boolean runEnded(JsonNode partition, long since) {
        return partition.path("lastRunAt").asLong(0) >= since && !partition.path("running").asBoolean();
    }

    /**
     * Waits until the hub uses less than a tenth of a core for a second (start-up done, JIT queue
     * drained), at most a minute; returns the seconds waited.
     */
    private static double waitUntilIdle(Process hub) throws InterruptedException {
        long started = System.nanoTime();
        int quiet = 0;
        double cpu = CpuTimes.ofProcess(hub.pid());
        while (quiet < 2 && System.nanoTime() - started < Duration.ofMinutes(1).toNanos()) {
            Thread.sleep(500);
            double now = CpuTimes.ofProcess(hub.pid());
            quiet = now - cpu < 0.05 ? quiet + 1 : 0;
            cpu = now;
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static double heapUsed(String base) throws IOException, InterruptedException {
        HttpResponse<String> r = get(base, "/actuator/metrics/jvm.memory.used?tag=area:heap");
        if (r.statusCode() != 200) return 0;
        return JSON.readTree(r.body()).path("measurements").get(0).path("value").asDouble();
    }

    private static void waitUntilUp(String base, Process hub, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!hub.isAlive()) throw new IllegalStateException("the hub exited; see " + log);
            try {
                HttpResponse<String> r = get(base, "/api/v1/connector/misp");
                if (r.statusCode() == 200 && JSON.readTree(r.body()).path("state").asString().equals("RUNNING")) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the hub did not start within 3 minutes; see " + log);
    }

    private static HttpResponse<String> get(String base, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + ADMIN_KEY)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", command) + " failed");
    }
}
