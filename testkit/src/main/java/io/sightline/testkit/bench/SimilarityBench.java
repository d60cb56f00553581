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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./sightline bench similarity}: an organisation whose cases share values (by default 1,000
 * cases of 50 observables drawn from 10,000 values, plus one value every case holds, as a resolver's
 * address is), and as many alerts; then, warm, what similarity costs: a case's linked cases
 * ({@code GET /api/v1/case/{id}/links}, capped at 500 cases), the similar observables of two cases
 * and of an alert and a case, and the merge of a case's similar observables (nothing to merge). Each
 * is one indexed join however many observables the case holds; latencies are the client's on loopback.
 */
public final class SimilarityBench {
    private static final Pattern ID = Pattern.compile("\"_id\":\"(~\\d+)\"");

    private SimilarityBench() {}

    public static void main(String[] args) throws Exception {
        String start = "h2", jar = "server/target/sightline-server.jar";
        int cases = 1000, perCase = 50, values = 10_000, clients = 4, reads = 50;
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--start" -> { start = v; i++; }
                case "--jar" -> { jar = v; i++; }
                case "--cases" -> { cases = Integer.parseInt(v); i++; }
                case "--observables" -> { perCase = Integer.parseInt(v); i++; }
                case "--values" -> { values = Integer.parseInt(v); i++; }
                case "--clients" -> { clients = Integer.parseInt(v); i++; }
                case "--reads" -> { reads = Integer.parseInt(v); i++; }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; use --start h2|JDBC_URL --cases N"
                        + " --observables N (per case) --values N (distinct) --clients C --reads R");
            }
        }
        if (cases < 2 || perCase < 1 || values < perCase || reads < 1 || clients < 1) {
            throw new IllegalArgumentException("--cases at least 2, --observables at least 1 and at most --values, --reads and --clients at least 1");
        }
        Path log = Files.createTempFile("sightline-bench-hub-", ".log");
        System.out.println("Starting the hub on " + (start.equals("h2") ? "H2" : start) + " (log: " + log + ")");
        try (HubProcess hub = HubProcess.start(Path.of(jar), start.equals("h2") ? null : start, List.of(), log,
                HubProcess.freePort(), Files.createTempDirectory("sightline-bench-"), Map.of())) {
            run(hub.url(), new KeepAliveHttp(HubProcess.ADMIN_KEY, clients), cases, perCase, values, clients, reads);
        }
    }

    private static void run(String url, KeepAliveHttp http, int cases, int perCase, int values, int clients, int reads)
            throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        String[] caseIds = new String[cases];
        String[] alertIds = new String[cases];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    int n;
                    while ((n = next.getAndIncrement()) < cases) {
                        caseIds[n] = create(http, url + "/api/v1/case", "{\"title\":\"similar " + n + "\",\"description\":\"d\"}");
                        alertIds[n] = create(http, url + "/api/v1/alert", "{\"type\":\"bench\",\"source\":\"bench\",\"sourceRef\":\""
                                + run + "-" + n + "\",\"title\":\"similar " + n + "\",\"description\":\"d\"}");
                        String data = values(n, perCase, values, run);
                        add(http, url + "/api/v1/case/" + caseIds[n] + "/observable", data);
                        add(http, url + "/api/v1/alert/" + alertIds[n] + "/observable", data);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) f.get();
        } finally {
            pool.shutdown();
        }
        System.out.printf("Similarity benchmark: %d cases and %d alerts of %d observables (of %d values, and one in all) filled in %.1f s%n",
                cases, cases, perCase + 1, values, (System.nanoTime() - t0) / 1e9);
        String one = caseIds[0], two = caseIds[1];
        measure("case links (linked cases)", () -> http.get(url + "/api/v1/case/" + one + "/links"), reads);
        measure("case ~ case similar", () -> http.get(url + "/api/v1/case/" + one + "/similar/" + two + "/observables"), reads);
        measure("alert ~ case similar", () -> http.get(url + "/api/v1/alert/" + alertIds[0] + "/similar/" + two + "/observables"), reads);
        measure("merge similar (none)", () -> http.postJson(url + "/api/v1/case/" + one + "/observable/_merge", "{}"), reads);
    }

    /** The case's values: {@code perCase} of the pool, spread so each value lands in about cases * perCase / values cases, and the common one. */
    private static String values(int n, int perCase, int values, String run) {
        StringBuilder out = new StringBuilder("[\"" + "common." + run + ".example\"");
        for (int i = 0; i < perCase; i++) {
            long v = ((long) n * 7919 + (long) i * 104_729) % values;
            out.append(",\"v").append(v).append('.').append(run).append(".example\"");
        }
        return out.append(']').toString();
    }

    private static void add(KeepAliveHttp http, String to, String data) throws Exception {
        var r = http.postJson(to, "{\"dataType\":\"domain\",\"data\":" + data + "}");
        // 207: a value drawn twice for one case is refused as already there, the others are added
        if (r.status() != 201 && r.status() != 207) throw new IllegalStateException("observables refused: HTTP " + r.status() + " " + r.body());
    }

    private static String create(KeepAliveHttp http, String to, String json) throws Exception {
        var r = http.postJson(to, json);
        Matcher m = ID.matcher(r.body());
        if (r.status() != 201 || !m.find()) throw new IllegalStateException("refused: HTTP " + r.status() + " " + r.body());
        return m.group(1);
    }

    private static void measure(String name, Reader read, int times) throws Exception {
        for (int i = 0; i < times; i++) check(name, read.read());
        Latencies l = new Latencies(times);
        KeepAliveHttp.Response last = null;
        for (int i = 0; i < times; i++) {
            long t = System.nanoTime();
            last = read.read();
            l.record(System.nanoTime() - t);
            check(name, last);
        }
        System.out.printf("  %-26s %s, %d KB%n", name, l.summary(), last.body().length() / 1024);
    }

    private static void check(String name, KeepAliveHttp.Response r) {
        if (r.status() != 200) throw new IllegalStateException(name + ": HTTP " + r.status() + " " + r.body());
    }

    private interface Reader { KeepAliveHttp.Response read() throws Exception; }
}
