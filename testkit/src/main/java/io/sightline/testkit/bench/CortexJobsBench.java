package io.sightline.testkit.bench;

import io.sightline.integrations.http.HttpJson;
import io.sightline.testkit.cortex.CortexEmulator;
import io.sightline.testkit.cortex.CortexEmulatorOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./sightline bench cortex-jobs}: N analyzer jobs run through the hub (started as a child
 * process) against an in-process Cortex emulator whose jobs take a fixed time. Prints the latency
 * Sightline adds to each job beyond the emulator's own delay (from the hub's own timestamps:
 * job created -> report stored) and the HTTP requests the hub made to Cortex per job.
 *
 * <p>Options: {@code --jobs 1000 --rate 100} (submissions per second) {@code --refresh-delay 1s
 * --cortex-delay 300} (ms a job takes in the emulator) {@code --start h2|JDBC_URL --jar PATH}.
 */
public final class CortexJobsBench {
    private CortexJobsBench() {}

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        long waiting = o.cortexDelayMillis / 3;
        CortexEmulatorOptions options = CortexEmulatorOptions.defaults().withJobCache(Duration.ZERO)
                .withDelays(Duration.ofMillis(waiting), Duration.ofMillis(o.cortexDelayMillis - waiting));
        Path log = Files.createTempFile("sightline-bench-hub-", ".log");
        try (CortexEmulator cortex = CortexEmulator.start(options)) {
            System.out.println("Cortex emulator on " + cortex.baseUrl() + "; starting the hub (log: " + log + ")");
            List<String> hubArgs = List.of("--cortex.servers[0].name=bench", "--cortex.servers[0].url=" + cortex.baseUrl(),
                    "--cortex.servers[0].auth.type=bearer", "--cortex.servers[0].auth.key=" + cortex.apiKey(),
                    "--cortex.servers[0].maxConcurrentJobs=0", "--cortex.refreshDelay=" + o.refreshDelay,
                    "--cortex.statusCheckInterval=10 minutes", "--logging.level.io.sightline=WARN",
                    "--logging.level.io.sightline.server.connectors.cortex.CortexPoller=DEBUG");
            try (HubProcess hub = HubProcess.start(Path.of(o.jar), o.start.equals("h2") ? null : o.start, hubArgs, log)) {
                run(new Api(hub.url(), HubProcess.ADMIN_KEY), cortex, o);
            }
        }
    }

    static void run(Api api, CortexEmulator cortex, Options o) throws Exception {
        String caseId = api.post("/api/v1/case", Map.of("title", "Cortex benchmark", "description", "cortex-jobs")).get("_id").asString();
        List<String> values = new ArrayList<>();
        for (int i = 0; i <= o.jobs; i++) values.add(String.format("%064x", 0x5eedL * 1_000_003L + i));
        List<String> observables = new ArrayList<>();
        for (int from = 0; from < values.size(); from += 500) {
            JsonNode created = api.post("/api/v1/case/" + caseId + "/observable",
                    Map.of("dataType", "hash", "data", values.subList(from, Math.min(values.size(), from + 500))));
            created.forEach(n -> observables.add(n.get("_id").asString()));
        }
        // one warm-up job: resolves the analyzer name once (then cached) and warms both JVMs
        String warm = api.post("/api/connector/cortex/job", job(observables.get(o.jobs))).get("_id").asString();
        awaitAll(api, List.of(warm), Duration.ofMinutes(1));
        cortex.resetRequestCounts();

        System.out.printf("Submitting %d jobs at %d/s; emulator delay %d ms; refreshDelay %s%n", o.jobs, o.rate,
                o.cortexDelayMillis, o.refreshDelay);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<String>> submitted = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < o.jobs; i++) {
            long due = start + (long) (i * 1e9 / o.rate);
            long wait = due - System.nanoTime();
            if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            String observable = observables.get(i);
            submitted.add(clients.submit(() -> api.post("/api/connector/cortex/job", job(observable)).get("_id").asString()));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> f : submitted) ids.add(f.get());
        clients.shutdown();
        // the figures come from the hub's timestamps, so the benchmark polls rarely to leave the CPU to the hub
        Thread.sleep(o.cortexDelayMillis + o.refreshMillis() + 2000);
        List<JsonNode> ended = awaitAll(api, ids, Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - start) / 1e9;

        Latencies extra = new Latencies(ended.size());
        Latencies submit = new Latencies(ended.size());
        int failed = 0;
        for (JsonNode j : ended) {
            if (!j.get("status").asString().equals("Success")) failed++;
            long total = j.get("finishedAt").asLong() - j.get("_createdAt").asLong();
            extra.record(Math.max(0, total - o.cortexDelayMillis) * 1_000_000L);
            submit.record(Math.max(0, j.get("submittedAt").asLong() - j.get("_createdAt").asLong()) * 1_000_000L);
        }
        Map<String, Long> counts = new HashMap<>(cortex.requestCounts());
        long checks = counts.getOrDefault(CortexEmulator.STATUS, 0L) + counts.getOrDefault(CortexEmulator.CURRENT_USER, 0L);
        long jobRequests = cortex.totalRequests() - checks;
        System.out.printf("Cortex jobs benchmark: %d jobs in %.1f s, %d not successful%n", ended.size(), seconds, failed);
        System.out.printf("  extra latency per job (report stored - job created - emulator delay): %s%n", extra.summary());
        System.out.printf("  target p99 < refreshDelay + 200 ms = %d ms: %s%n", o.refreshMillis() + 200,
                extra.percentileMillis(99) < o.refreshMillis() + 200 ? "met" : "NOT met");
        System.out.printf("  time from job created to sent to Cortex: %s%n", submit.summary());
        System.out.printf("  HTTP requests to Cortex per job: %.2f (target <= 3) — %s%n", (double) jobRequests / ended.size(),
                counts);
    }

    private static Map<String, Object> job(String observableId) {
        return Map.of("analyzerId", "VirusTotal_GetReport_3_1", "cortexId", "bench", "artifactId", observableId);
    }

    private static List<JsonNode> awaitAll(Api api, List<String> ids, Duration timeout) throws Exception {
        Map<String, JsonNode> done = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (System.nanoTime() > deadline) throw new IllegalStateException((ids.size() - done.size()) + " jobs did not end in time");
            for (String id : ids) {
                if (done.containsKey(id)) continue;
                JsonNode j = api.get("/api/connector/cortex/job/" + id);
                String status = j.get("status").asString();
                if (!status.equals("Waiting") && !status.equals("InProgress")) done.put(id, j);
            }
            if (done.size() == ids.size()) break;
            Thread.sleep(2000);
        }
        List<JsonNode> out = new ArrayList<>();
        for (String id : ids) out.add(done.get(id));
        return out;
    }

    /** A minimal client of the hub's API. */
    record Api(String url, String key) {
        private static final HttpClient HTTP = HttpClient.newHttpClient();

        JsonNode get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(url + path)).GET());
        }

        JsonNode post(String path, Object body) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(HttpJson.MAPPER.writeValueAsString(body))));
        }

        private JsonNode send(HttpRequest.Builder b) throws Exception {
            HttpResponse<String> r = HTTP.send(b.header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
            return HttpJson.MAPPER.readTree(r.body());
        }
    }

    record Options(int jobs, int rate, String refreshDelay, long cortexDelayMillis, String start, String jar) {
        long refreshMillis() {
            String s = refreshDelay.strip();
            if (s.endsWith("ms")) return Long.parseLong(s.substring(0, s.length() - 2).strip());
            if (s.endsWith("s")) return Long.parseLong(s.substring(0, s.length() - 1).strip()) * 1000;
            throw new IllegalArgumentException("--refresh-delay takes e.g. 1s or 500ms");
        }

        static Options parse(String[] args) {
            int jobs = 1000, rate = 100;
            long delay = 300;
            String refresh = "1s", start = "h2", jar = "server/target/sightline-server.jar";
            for (int i = 0; i < args.length; i++) {
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--jobs" -> { jobs = Integer.parseInt(v); i++; }
                    case "--rate" -> { rate = Integer.parseInt(v); i++; }
                    case "--refresh-delay" -> { refresh = v; i++; }
                    case "--cortex-delay" -> { delay = Long.parseLong(v); i++; }
                    case "--start" -> { start = v; i++; }
                    case "--jar" -> { jar = v; i++; }
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; use --jobs N --rate R "
                            + "--refresh-delay 1s --cortex-delay MS --start h2|JDBC_URL --jar PATH");
                }
            }
            Options o = new Options(jobs, rate, refresh, delay, start, jar);
            o.refreshMillis();
            return o;
        }
    }
}
