package io.sightline.testkit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./sightline bench api}: N cases x M observables created over HTTP by C concurrent clients,
 * printing throughput, latency percentiles and the CPU time one observable cost the hub, PostgreSQL
 * and the client. Drives a running hub (--url, --key) or starts one (--start h2 | --start
 * jdbc:postgresql://...). With --rounds 2 or more the work is repeated on the same hub, the later
 * rounds showing it once its code is compiled.
 */
public final class ApiBench {
    private ApiBench() {}

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        HubProcess hub = null;
        String url = o.url;
        String key = o.key;
        if (o.start != null) {
            Path log = Files.createTempFile("sightline-bench-hub-", ".log");
            System.out.println("Starting the hub on " + (o.start.equals("h2") ? "H2" : o.start) + " (log: " + log + ")");
            hub = HubProcess.start(Path.of(o.jar), o.start.equals("h2") ? null : o.start, List.of(), log);
            url = hub.url();
            key = HubProcess.ADMIN_KEY;
        }
        try {
            run(url, key, o, hub == null ? -1 : hub.pid(), CpuTimes.postgresDatabase(o.start));
        } finally {
            if (hub != null) hub.close();
        }
    }

    /**
     * @param hubPid the hub's process, or -1 when it is not local: its CPU time is then not reported
     * @param database the PostgreSQL database of a hub started here, or null: its backends' CPU time is reported
     */
    static void run(String url, String key, Options o, long hubPid, String database) throws Exception {
        KeepAliveHttp http = new KeepAliveHttp(key, o.clients);
        warmUp(http, url);
        ExecutorService clients = Executors.newFixedThreadPool(o.clients);
        try {
            for (int round = 1; round <= o.rounds; round++) {
                // Later rounds repeat the same work on new cases of the same hub: its figures once its code is compiled.
                if (o.rounds > 1) System.out.printf("Round %d of %d%s%n", round, o.rounds, round == 1 ? " (hub just started)" : "");
                round(http, clients, url, o, hubPid, database);
            }
        } finally {
            clients.shutdown();
        }
    }

    private static void round(KeepAliveHttp http, ExecutorService clients, String url, Options o, long hubPid, String database)
            throws Exception {
        Latencies caseLatency = new Latencies(o.cases);
        Latencies obsLatency = new Latencies(o.cases * o.observables);
        AtomicInteger nextCase = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        String run = Long.toString(System.currentTimeMillis(), 36);
        double hubCpu0 = hubPid < 0 ? -1 : CpuTimes.ofProcess(hubPid);
        double clientCpu0 = CpuTimes.ofThisProcess();
        Map<Long, Double> dbCpu0 = database == null ? Map.of() : CpuTimes.ofPostgresBackends(database);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < o.clients; c++) {
            futures.add(clients.submit(() -> {
                int n;
                while ((n = nextCase.getAndIncrement()) < o.cases) {
                    String body = "{\"title\":\"bench " + run + " #" + n + "\",\"description\":\"load test\",\"tags\":[\"bench\"]}";
                    long t0 = System.nanoTime();
                    var created = http.postJson(url + "/api/v1/case", body);
                    caseLatency.record(System.nanoTime() - t0);
                    if (created.status() != 201) { errors.incrementAndGet(); continue; }
                    String caseId = created.body().replaceAll("(?s).*?\"_id\":\"(~\\d+)\".*", "$1");
                    for (int m = 0; m < o.observables; m++) {
                        String value = "h" + m + ".c" + n + "." + run + ".example";
                        String obs = "{\"dataType\":\"domain\",\"data\":\"" + value + "\",\"ioc\":" + (m % 2 == 0)
                                + ",\"tags\":[\"bench\"]}";
                        long t1 = System.nanoTime();
                        var r = http.postJson(url + "/api/v1/case/" + caseId + "/observable", obs);
                        obsLatency.record(System.nanoTime() - t1);
                        // 201 with the created observable: an error or an answer without it counts as an error
                        if (r.status() != 201 || !r.body().contains("\"data\":\"" + value + "\"")) errors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) f.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        double hubCpu = hubPid < 0 ? -1 : CpuTimes.ofProcess(hubPid) - hubCpu0;
        double clientCpu = CpuTimes.ofThisProcess() - clientCpu0;
        double dbCpu = database == null ? -1 : CpuTimes.delta(dbCpu0, CpuTimes.ofPostgresBackends(database));
        System.out.printf("API benchmark: %d cases x %d observables, %d concurrent clients, against %s%n",
                o.cases, o.observables, o.clients, url);
        System.out.printf("  total time          %.1f s%n", seconds);
        System.out.printf("  observables created %d (%.0f per second)%n", obsLatency.count(), obsLatency.count() / seconds);
        System.out.printf("  observable latency  %s%n", obsLatency.summary());
        System.out.printf("  case latency        %s%n", caseLatency.summary());
        System.out.printf("  errors              %d%n", errors.get());
        // CPU of the whole run (cases included) per observable: meaningful even when other work shares the machine.
        int n = Math.max(1, obsLatency.count());
        System.out.printf("  CPU per observable  hub %s, PostgreSQL backends %s, client %s (run totals: %s, %s, %s; %d cores)%n",
                perUnit(hubCpu, n), perUnit(dbCpu, n), perUnit(clientCpu, n), seconds(hubCpu), seconds(dbCpu), seconds(clientCpu),
                Runtime.getRuntime().availableProcessors());
    }

    private static String perUnit(double cpuSeconds, int units) {
        return cpuSeconds < 0 ? "n/a" : String.format("%.2f ms", cpuSeconds * 1000 / units);
    }

    private static String seconds(double cpuSeconds) {
        return cpuSeconds < 0 ? "n/a" : String.format("%.1f s", cpuSeconds);
    }

    private static void warmUp(KeepAliveHttp http, String url) throws Exception {
        for (int i = 0; i < 50; i++) {
            var r = http.get(url + "/api/v1/user/current");
            if (r.status() != 200) throw new IllegalStateException("The hub refused the API key (HTTP " + r.status() + ")");
        }
    }

    record Options(String url, String key, String start, String jar, int cases, int observables, int clients, int rounds) {
        static Options parse(String[] args) {
            String url = "http://127.0.0.1:9000", key = System.getenv("SIGHTLINE_API_KEY"), start = null;
            String jar = "server/target/sightline-server.jar";
            int cases = 200, observables = 50, clients = 32, rounds = 1;
            for (int i = 0; i < args.length; i++) {
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--url" -> { url = v; i++; }
                    case "--key" -> { key = v; i++; }
                    case "--start" -> { start = v; i++; }
                    case "--jar" -> { jar = v; i++; }
                    case "--cases" -> { cases = Integer.parseInt(v); i++; }
                    case "--observables" -> { observables = Integer.parseInt(v); i++; }
                    case "--clients" -> { clients = Integer.parseInt(v); i++; }
                    case "--rounds" -> { rounds = Integer.parseInt(v); i++; }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; use --url URL --key KEY | --start h2|JDBC_URL, --cases N --observables M --clients C --rounds R");
                }
            }
            if (start == null && key == null) throw new IllegalArgumentException("give --key (or SIGHTLINE_API_KEY) or --start h2|JDBC_URL");
            if (rounds < 1) throw new IllegalArgumentException("--rounds must be at least 1");
            return new Options(url, key, start, jar, cases, observables, clients, rounds);
        }
    }
}
