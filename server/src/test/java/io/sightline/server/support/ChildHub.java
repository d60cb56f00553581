package io.sightline.server.support;

import io.sightline.server.SightlineApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The hub in a JVM of its own, started from the test's classpath, so that a test can kill it as
 * an operating system would ({@code kill -9}) and start it again on the same database.
 */
public final class ChildHub implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private ChildHub(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the hub and waits until its admin key ({@link HubTest#ADMIN_KEY}) is accepted.
     *
     * @param args Spring arguments, e.g. {@code --spring.datasource.url=...}
     */
    public static ChildHub start(Path log, List<String> args) {
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                SightlineApplication.class.getName(), "--server.port=" + port,
                "--sightline.admin.api-key=" + HubTest.ADMIN_KEY, "--sightline.admin.password=" + HubTest.ADMIN_PASSWORD));
        cmd.addAll(args);
        try {
            Files.createDirectories(log.getParent());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            ChildHub hub = new ChildHub(p, port, log);
            hub.awaitReady(Duration.ofSeconds(120));
            return hub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public TestApi admin() {
        return TestApi.withKey(port, HubTest.ADMIN_KEY);
    }

    /** SIGKILL: no shutdown hook, no connection closed, no buffer flushed. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException("the hub survived SIGKILL");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) kill();
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        TestApi admin = admin();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("the hub exited during start-up; see " + log);
            try {
                if (admin.get("/api/v1/user/current").status() == 200) return;
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        kill();
        throw new IllegalStateException("the hub did not start within " + timeout.toSeconds() + " s; see " + log);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
