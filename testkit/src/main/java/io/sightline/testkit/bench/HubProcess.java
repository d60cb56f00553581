package io.sightline.testkit.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Starts the hub's jar as a child process on a free port, for benchmarks and the demo. */
public final class HubProcess implements AutoCloseable {
    public static final String ADMIN_KEY = "sl_bench_admin_key_0123456789abcdef";

    private final Process process;
    private final String url;

    private HubProcess(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /**
     * @param jar the hub's jar (server/target/sightline-server.jar)
     * @param jdbcUrl null for the embedded H2 database in a fresh data folder
     * @param extraArgs further Spring arguments, e.g. --misp.interval=1h
     */
    public static HubProcess start(Path jar, String jdbcUrl, List<String> extraArgs, Path log) throws IOException, InterruptedException {
        return start(jar, jdbcUrl, extraArgs, log, freePort(), Files.createTempDirectory("sightline-bench-"), java.util.Map.of());
    }

    /** Starts the hub on a given port and data folder, with extra environment variables. */
    public static HubProcess start(Path jar, String jdbcUrl, List<String> extraArgs, Path log, int port, Path data,
                                   java.util.Map<String, String> env) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx1g"));
        cmd.addAll(extraJvmOptions());
        cmd.addAll(List.of("-jar", jar.toString()));
        cmd.addAll(extraArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SERVER_PORT", String.valueOf(port));
        pb.environment().put("SIGHTLINE_DATA_DIR", data.toString());
        pb.environment().put("SIGHTLINE_ADMIN_API_KEY", ADMIN_KEY);
        if (jdbcUrl != null) pb.environment().put("SIGHTLINE_DB_URL", jdbcUrl);
        pb.environment().putAll(env);
        Process p = pb.start();
        HubProcess hub = new HubProcess(p, "http://127.0.0.1:" + port);
        hub.awaitReady(Duration.ofSeconds(120));
        return hub;
    }

    public String url() {
        return url;
    }

    /** The hub's process id, e.g. to read its CPU time from /proc. */
    public long pid() {
        return process.pid();
    }

    /**
     * JVM options for the hub from SIGHTLINE_HUB_JAVA_OPTS (whitespace-separated), e.g. to record a
     * flight recording of a benchmark run: -XX:StartFlightRecording=filename=/tmp/hub.jfr
     */
    static List<String> extraJvmOptions() {
        String opts = System.getenv("SIGHTLINE_HUB_JAVA_OPTS");
        if (opts == null || opts.isBlank()) return List.of();
        return List.of(opts.trim().split("\\s+"));
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("The hub exited during start-up (exit code " + process.exitValue() + ")");
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/status")).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200 && adminKeyAccepted(http, deadline)) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("The hub did not answer within " + timeout.toSeconds() + " s");
    }

    /**
     * The first start creates the admin key just after the web server opens, so a client that starts
     * right away may be refused. Waits for the key to be accepted; a hub whose data folder holds
     * another admin key is left to the caller after a few seconds.
     */
    private boolean adminKeyAccepted(HttpClient http, long deadline) throws IOException, InterruptedException {
        long giveUp = Math.min(deadline, System.nanoTime() + Duration.ofSeconds(30).toNanos());
        while (System.nanoTime() < giveUp) {
            var r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/user/current"))
                    .header("Authorization", "Bearer " + ADMIN_KEY).build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() == 200) return true;
            if (!process.isAlive()) return false;
            Thread.sleep(100);
        }
        return true;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A TCP port free on this machine right now. */
    public static int freePort() throws IOException {
        try (var s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
