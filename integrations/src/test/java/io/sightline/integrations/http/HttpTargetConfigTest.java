package io.sightline.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.integrations.http.LoopbackServer.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class HttpTargetConfigTest {

    @Test
    void everyAuthStyleSendsTheHeaderItsServerExpects() throws Exception {
        try (LoopbackServer server = LoopbackServer.http().answer(Answer.of(200, "{}"))) {
            send(server, HttpAuth.rawKey("misp-key-1"));
            send(server, HttpAuth.bearer("cortex-key-2"));
            send(server, HttpAuth.header("API-KEY", "stixify-key-3"));
            send(server, HttpAuth.basic("admin", "pa:ss"));
            send(server, HttpAuth.none());

            assertThat(server.requests.get(0).header("Authorization")).isEqualTo("misp-key-1");
            assertThat(server.requests.get(1).header("Authorization")).isEqualTo("Bearer cortex-key-2");
            assertThat(server.requests.get(2).header("API-KEY")).isEqualTo("stixify-key-3");
            assertThat(server.requests.get(2).header("Authorization")).isNull();
            assertThat(server.requests.get(3).header("Authorization")).isEqualTo("Basic "
                    + Base64.getEncoder().encodeToString("admin:pa:ss".getBytes(StandardCharsets.UTF_8)));
            assertThat(server.requests.get(4).header("Authorization")).isNull();
            assertThat(server.requests.get(4).header("User-Agent")).isEqualTo("Sightline/0.1");
        }
    }

    private static void send(LoopbackServer server, HttpAuth auth) {
        HttpTarget.create(HttpTargetConfig.builder("t", server.baseUrl()).auth(auth).build())
                .send(HttpCall.get("/x").build());
    }

    @Test
    void baseUrlIsNormalisedAndChecked() {
        assertThat(HttpTargetConfig.builder("misp", " https://misp.example/base// ").build().baseUri())
                .hasToString("https://misp.example/base");
        assertThatThrownBy(() -> HttpTargetConfig.builder("misp", "ftp://misp.example").build())
                .hasMessage("misp: base URL must start with http:// or https://, was 'ftp://misp.example'");
        assertThatThrownBy(() -> HttpTargetConfig.builder("misp", "https://admin:secret@misp.example").build())
                .hasMessage("misp: put credentials in auth, not in the base URL");
        assertThatThrownBy(() -> HttpTargetConfig.builder("misp", "https://misp.example/?key=x").build())
                .hasMessageContaining("must not have a query");
        assertThatThrownBy(() -> HttpTargetConfig.builder("misp", "https://misp example").build())
                .hasMessageStartingWith("misp: base URL is not a valid URL");
    }

    @Test
    void invalidSettingsAreRejectedWithTheirName() {
        assertThatThrownBy(() -> HttpTargetConfig.builder("c", "http://c").requestTimeout(Duration.ZERO).build())
                .hasMessage("c: requestTimeout must be positive, was PT0S");
        assertThatThrownBy(() -> RetryPolicy.of(0, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("maxAttempts must be at least 1");
        assertThatThrownBy(() -> RetryPolicy.of(3, Duration.ofSeconds(10), Duration.ofSeconds(1)))
                .hasMessageContaining("shorter than initialBackoff");
        assertThatThrownBy(() -> new RateLimit(0, 1)).hasMessageContaining("positive number of requests per second");
        assertThatThrownBy(() -> HttpAuth.bearer(" ")).hasMessage("the API key must not be blank");
        assertThatThrownBy(() -> new ProxySettings("proxy", 70000)).hasMessageContaining("between 1 and 65535");
    }

    @Test
    void backoffDoublesUpToTheCap() {
        RetryPolicy policy = RetryPolicy.of(10, Duration.ofMillis(500), Duration.ofSeconds(3));

        assertThat(policy.backoffBound(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoffBound(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoffBound(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoffBound(4)).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.backoffBound(60)).isEqualTo(Duration.ofSeconds(3));
    }
}
