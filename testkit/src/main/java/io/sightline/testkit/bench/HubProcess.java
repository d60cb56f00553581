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
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx1g", "-jar", jar.toString()));
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

    private void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("The hub exited during start-up (exit code " + process.exitValue() + ")");
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/status")).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("The hub did not answer within " + timeout.toSeconds() + " s");
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

    private static int freePort() throws IOException {
        try (var s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
