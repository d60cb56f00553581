package io.sightline.testkit.misp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 200,000-attribute event imports through the client and the alert mapper in a JVM limited to
 * a 64 MB heap (the hub's target is 256 MB), while keeping the attributes needs more than that.
 */
class LargeEventMemoryTest {

    static final int ATTRIBUTES = 200_000;
    static MispEmulator misp;
    static String eventId;

    @BeforeAll
    static void start() {
        misp = MispEmulator.start();
        eventId = misp.store().addGenerated("large event", ATTRIBUTES, 1_700_000_000L, List.of("tlp:green"));
    }

    @AfterAll
    static void stop() {
        misp.close();
    }

    private record Run(int exitCode, String output) {
    }

    private static Run importInSmallHeap(String mode) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx64m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), LargeEventImportMain.class.getName(),
                misp.baseUrl(), misp.apiKey(), eventId, mode)
                .redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    @Test
    void streamedImportFitsIn64MegabytesOfHeap() throws Exception {
        Run run = importInSmallHeap("stream");

        assertThat(run.exitCode()).as(run.output()).isZero();
        // every 8th generated attribute is an ip-dst|port, which yields two observables
        assertThat(run.output()).contains("attributes=" + ATTRIBUTES + " observables=" + (ATTRIBUTES + ATTRIBUTES / 8));
    }

    @Test
    void holdingTheWholeEventDoesNotFitInTheSameHeap() throws Exception {
        Run run = importInSmallHeap("retain");

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("OutOfMemoryError");
    }
}
