package io.sightline.opencti.stixify;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The shaded connector jar started as a child process, as an operator would run it. */
final class ConnectorProcess {
    static final Path JAR = Path.of("target", "opencti-stixify.jar").toAbsolutePath();

    final Process process;
    final Path log;

    private ConnectorProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ConnectorProcess start(Map<String, String> env, String maxHeap, Path workDir) throws IOException {
        if (!Files.isRegularFile(JAR)) throw new IllegalStateException(JAR + " is missing: run the tests with mvn verify");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + maxHeap, "-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Path log = Files.createTempFile(workDir, "connector", ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return new ConnectorProcess(builder.start(), log);
    }

    int awaitExit(long seconds) throws Exception {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("connector did not finish within " + seconds + " s; output:\n" + output());
        }
        return process.exitValue();
    }

    /** kill -9: no shutdown hook, no final ping. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    static File dir(Path path) {
        return path.toFile();
    }
}
