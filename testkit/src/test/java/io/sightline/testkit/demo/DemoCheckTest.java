package io.sightline.testkit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code demo --check} against a stand-in hub API: passes only when every sample is in, else says what is missing. */
class DemoCheckTest {
    private static final String KEY = "check-key";
    private final AtomicReference<String> alerts = new AtomicReference<>("0");
    private final AtomicReference<String> stats = new AtomicReference<>("{\"reports\":0,\"objects\":0}");
    private final AtomicReference<String> analyzers = new AtomicReference<>("[]");
    private HttpServer hub;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void start() throws IOException {
        hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hub.createContext("/api/v1/query", e -> answer(e, alerts.get()));
        hub.createContext("/api/v1/intel/stats", e -> answer(e, stats.get()));
        hub.createContext("/api/connector/cortex/analyzer", e -> answer(e, analyzers.get()));
        hub.start();
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setErr(originalErr);
        hub.stop(0);
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        boolean authorised = ("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"));
        byte[] bytes = (authorised ? body : "{\"type\":\"AuthenticationError\"}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(authorised ? 200 : 401, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private DemoCheck check(String key) {
        return new DemoCheck("http://127.0.0.1:" + hub.getAddress().getPort(), key, 3, 3);
    }

    @Test
    void failsAfterTheTimeoutNamingWhatIsMissing() throws Exception {
        alerts.set("2");
        stats.set("{\"reports\":3,\"objects\":44}");

        assertThat(check(KEY).run(Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Demo check FAILED").contains("2 of 3 MISP alerts")
                .contains("3 of 3 Stixify reports").contains("0 Cortex analyzers");
    }

    @Test
    void passesOnceEverySampleIsIn() throws Exception {
        alerts.set("3");
        stats.set("{\"reports\":3,\"objects\":44}");
        analyzers.set("[{\"name\":\"DShield_lookup_1_0\"}]");

        assertThat(check(KEY).run(Duration.ofSeconds(5))).isZero();
    }

    @Test
    void aRefusedKeyIsReportedAsTheLastError() throws Exception {
        alerts.set("3");
        stats.set("{\"reports\":3,\"objects\":44}");
        analyzers.set("[{\"name\":\"DShield_lookup_1_0\"}]");

        assertThat(check("wrong").run(Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("/api/v1/query answered 401");
    }
}
