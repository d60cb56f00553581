package io.sightline.server.lifecycle;

import io.sightline.server.SightlineApplication;
import io.sightline.server.support.TestApi;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** What `./sightline serve` promises: first-start credentials printed once, data kept across restarts. */
class RestartTest {

    @Test
    void printsTheAdminCredentialsOnceAndKeepsDataAcrossARestart() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "restart-");
        String key = "sl_restart_key_0123456789";
        String firstOutput;
        String caseId;
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true));
        try (ConfigurableApplicationContext first = start(data, key)) {
            firstOutput = captured.toString();
            TestApi api = TestApi.withKey(port(first), key);
            caseId = api.post("/api/v1/case", Map.of("title", "kept", "description", "survives a restart")).json().get("_id").asString();
        } finally {
            System.setOut(original);
        }
        assertThat(firstOutput).contains("Sightline first start").contains("password:").contains("(from SIGHTLINE_ADMIN_API_KEY)");
        assertThat(firstOutput).doesNotContain(key);

        captured.reset();
        System.setOut(new PrintStream(captured, true));
        try (ConfigurableApplicationContext second = start(data, "sl_other_key_is_ignored_000")) {
            String secondOutput = captured.toString();
            System.setOut(original);
            assertThat(secondOutput).doesNotContain("Sightline first start");
            var again = TestApi.withKey(port(second), key).get("/api/v1/case/" + caseId);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().get("description").asString()).isEqualTo("survives a restart");
        } finally {
            System.setOut(original);
        }
    }

    private static ConfigurableApplicationContext start(Path data, String key) {
        return SpringApplication.run(SightlineApplication.class, "--server.port=0", "--sightline.data-dir=" + data,
                "--sightline.admin.api-key=" + key);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
