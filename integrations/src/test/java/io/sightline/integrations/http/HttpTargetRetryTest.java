package io.sightline.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.integrations.http.LoopbackServer.Answer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpTargetRetryTest {

    private static final String KEY = "k3y-S3cr3t-0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private LoopbackServer server;
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @BeforeEach
    void start() throws Exception {
        server = LoopbackServer.http();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpTarget target(RetryPolicy retry) {
        HttpTargetConfig config = HttpTargetConfig.builder("cortex:test", server.baseUrl() + "/")
                .auth(HttpAuth.bearer(KEY))
                .requestTimeout(Duration.ofSeconds(5))
                .retry(retry)
                .build();
        return new HttpTarget(config, sleeper, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private HttpTarget target() {
        return target(RetryPolicy.of(3, Duration.ofMillis(200), Duration.ofSeconds(2)));
    }

    @Test
    void retriesAfter503AndReturnsTheAnswer() {
        server.answer(Answer.of(503, "{\"message\":\"busy\"}"), Answer.of(200, "{\"versions\":{\"Cortex\":\"3.1.8\"}}"));

        String version = target().json().get("/api/status").path("versions").path("Cortex").asString();

        assertThat(version).isEqualTo("3.1.8");
        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(sleeper.waits).hasSize(1);
        assertThat(sleeper.waits.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(200));
        assertThat(server.requests.get(0).header("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void honoursRetryAfterInSeconds() {
        server.answer(Answer.of(429, "{\"type\":\"RateLimitExceeded\",\"message\":\"slow down\"}")
                .withHeader("Retry-After", "7"), Answer.of(200, "{}"));

        target().json().get("/api/job/1");

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void honoursRetryAfterAsHttpDate() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(NOW.plusSeconds(12), ZoneOffset.UTC));
        server.answer(Answer.of(503, "").withHeader("Retry-After", date), Answer.of(200, "{}"));

        target().json().get("/api/job/1");

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void retryAfterZeroFallsBackToBackoffInsteadOfHammering() {
        server.answer(Answer.of(429, "").withHeader("Retry-After", "0"), Answer.of(429, "").withHeader("Retry-After", "0"),
                Answer.of(200, "{}"));

        target(RetryPolicy.of(3, Duration.ofSeconds(1), Duration.ofSeconds(10))).json().get("/x");

        assertThat(sleeper.waits).hasSize(2);
        assertThat(sleeper.waits.get(0)).isBetween(Duration.ZERO, Duration.ofSeconds(1));
        assertThat(sleeper.waits.get(1)).isBetween(Duration.ZERO, Duration.ofSeconds(2));
    }

    @Test
    void retryAfterLongerThanAllowedGivesUpAtOnce() {
        server.answer(Answer.of(429, "{\"message\":\"quota exhausted\"}").withHeader("Retry-After", "86400"));

        assertThatThrownBy(() -> target().json().get("/x"))
                .isInstanceOfSatisfying(HttpStatusException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAfter()).contains(Duration.ofDays(1));
                })
                .hasMessageEndingWith("HTTP 429 Too Many Requests - quota exhausted (the server asks to retry after 1 d)");
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void givesUpAfterMaxAttemptsWithAClearMessage() {
        server.answer(Answer.of(503, "{\"type\":\"Maintenance\",\"message\":\"down for maintenance\"}"));

        assertThatThrownBy(() -> target().json().get("/api/analyzer", QueryParams.of("range", "all")))
                .isInstanceOfSatisfying(HttpStatusException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.attempts()).isEqualTo(3);
                    assertThat(e.remoteMessage()).contains("down for maintenance");
                    assertThat(e.isTransient()).isTrue();
                })
                .hasMessage("cortex:test: GET " + server.baseUrl() + "/api/analyzer?range=all failed: HTTP 503 "
                        + "Service Unavailable - Maintenance: down for maintenance (gave up after 3 attempts)");
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(sleeper.waits).hasSize(2);
    }

    @Test
    void unauthorizedIsAnAuthErrorAndNotRetried() {
        server.answer(Answer.of(401, "{\"type\":\"AuthenticationError\",\"message\":\"Authentication failure\"}"));

        assertThatThrownBy(() -> target().json().get("/api/user/current"))
                .isInstanceOfSatisfying(HttpAuthException.class, e -> {
                    assertThat(e.isUnauthenticated()).isTrue();
                    assertThat(e.attempts()).isEqualTo(1);
                })
                .hasMessageContaining("HTTP 401 Unauthorized - AuthenticationError: Authentication failure");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void forbiddenIsAnAuthErrorToo() {
        server.answer(Answer.of(403, "{\"type\":\"AuthorizationError\",\"message\":\"Your are not authorized\"}"));

        assertThatThrownBy(() -> target().send(HttpCall.delete("/api/job/1").build()))
                .isInstanceOfSatisfying(HttpAuthException.class, e -> assertThat(e.isUnauthenticated()).isFalse());
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void notFoundIsDistinguishableAndNotRetried() {
        server.answer(Answer.of(404, "{\"type\":\"NotFoundError\",\"message\":\"job abc not found\"}"));

        assertThatThrownBy(() -> target().json().get("/api/job/abc"))
                .isInstanceOfSatisfying(HttpNotFoundException.class,
                        e -> assertThat(e.remoteType()).contains("NotFoundError"));
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void postIsNotRetriedUnlessTheCallerAllowsIt() {
        server.answer(Answer.of(503, "{}"));
        HttpTarget target = target();

        assertThatThrownBy(() -> target.json().post("/api/analyzer/a/run", new Run("hash", "abc")))
                .isInstanceOf(HttpStatusException.class);
        assertThat(server.requestCount()).isEqualTo(1);

        server.answer(Answer.of(503, "{}"), Answer.of(200, "{\"id\":\"job1\"}"));
        String id = target.json().send(HttpCall.post("/api/analyzer/a/run").json(new Run("hash", "abc")).retryable()
                .build()).path("id").asString();

        assertThat(id).isEqualTo("job1");
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(new String(server.requests.get(2).body())).isEqualTo("{\"dataType\":\"hash\",\"data\":\"abc\"}");
        assertThat(server.requests.get(2).header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void postMarkedWhenRejectedIsRetriedAfter429ButNotAfter503() {
        server.answer(Answer.of(429, "{\"type\":\"RateLimitExceeded\"}"), Answer.of(200, "{\"id\":\"job2\"}"));
        HttpTarget target = target();
        HttpCall submit = HttpCall.post("/api/analyzer/a/run").json(new Run("ip", "1.2.3.4"))
                .retry(RetryMode.WHEN_REJECTED).build();

        assertThat(target.json().send(submit).path("id").asString()).isEqualTo("job2");
        assertThat(server.requestCount()).isEqualTo(2);

        server.answer(Answer.of(503, "{}"));
        assertThatThrownBy(() -> target.json().send(submit)).isInstanceOf(HttpStatusException.class);
        assertThat(server.requestCount()).isEqualTo(3);
    }

    record Run(String dataType, String data) {
    }

    @Test
    void slowAnswerTimesOutAndIsRetried() {
        server.answer(Answer.of(200, "{}").delayed(1500));
        HttpTargetConfig config = HttpTargetConfig.builder("slow", server.baseUrl())
                .requestTimeout(Duration.ofMillis(250)).retry(RetryPolicy.of(2, Duration.ofMillis(10), Duration.ofMillis(10)))
                .build();
        HttpTarget target = new HttpTarget(config, sleeper, Clock.systemUTC());

        assertThatThrownBy(() -> target.send(HttpCall.get("/slow").build()))
                .isInstanceOf(HttpRequestTimeoutException.class)
                .hasMessageContaining("waiting for the answer timed out after 250 ms (gave up after 2 attempts)");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void connectionRefusedIsReportedAsSuch() {
        String url = server.baseUrl();
        server.close();
        HttpTarget target = new HttpTarget(HttpTargetConfig.builder("misp:gone", url).retry(RetryPolicy.NONE).build(),
                sleeper, Clock.systemUTC());

        assertThatThrownBy(() -> target.send(HttpCall.get("/servers/getVersion").build()))
                .isInstanceOf(HttpConnectException.class)
                .hasMessageContaining("connection refused by 127.0.0.1");
    }

    @Test
    void theKeyNeverAppearsInErrorsEvenWhenTheServerEchoesIt() {
        server.answer(Answer.of(500, "{\"message\":\"bad header Bearer " + KEY + "\"}"));

        assertThatThrownBy(() -> target().json().get("/x", QueryParams.of("apikey", KEY)))
                .isInstanceOfSatisfying(HttpStatusException.class, e -> {
                    assertThat(e.getMessage()).doesNotContain(KEY).contains("bad header Bearer ****");
                    assertThat(e.bodyExcerpt()).doesNotContain(KEY);
                    assertThat(e.url()).doesNotContain(KEY).endsWith("/x?apikey=****");
                });
        HttpTargetConfig config = target().config();
        assertThat(config.toString()).doesNotContain(KEY);
        assertThat(HttpAuth.rawKey(KEY).toString()).doesNotContain(KEY);
        assertThat(HttpAuth.header("API-KEY", KEY).toString()).doesNotContain(KEY).contains("API-KEY");
        assertThat(HttpAuth.basic("admin", KEY).toString()).doesNotContain(KEY);
    }

    @Test
    void unparseableJsonSaysWhere() {
        server.answer(Answer.of(200, "{\n  \"id\": \"a\",\n  \"status\": oops\n}"));

        assertThatThrownBy(() -> target().json().get("/api/job/a"))
                .isInstanceOf(HttpResponseParseException.class)
                .hasMessageContaining("the answer is not valid JSON")
                .hasMessageContaining("line 3");
    }

    @Test
    void wrongJsonShapeNamesTheField() {
        server.answer(Answer.of(200, "{\"dataType\": \"hash\", \"data\": {\"nested\": true}}"));

        assertThatThrownBy(() -> target().json().get("/x", QueryParams.empty(), Run.class))
                .isInstanceOf(HttpResponseParseException.class)
                .hasMessageContaining("does not have the expected JSON shape")
                .hasMessageContaining("data");
    }

    @Test
    void redirectIsReportedNotFollowed() {
        server.answer(new Answer(302, java.util.Map.of("Location", "https://elsewhere.example/login"), "", 0));

        assertThatThrownBy(() -> target().send(HttpCall.get("/").build()))
                .hasMessageContaining("redirected to https://elsewhere.example/login");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void requestsGoThroughTheConfiguredProxy() {
        server.answer(Answer.of(200, "{\"version\":\"2.4.190\"}"));
        String port = server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1);
        HttpTarget viaProxy = new HttpTarget(HttpTargetConfig.builder("misp:behind-proxy", "http://misp.internal.example:8080")
                .auth(HttpAuth.rawKey(KEY)).proxy(new ProxySettings("127.0.0.1", Integer.parseInt(port)))
                .retry(RetryPolicy.NONE).build(), sleeper, Clock.systemUTC());

        String version = viaProxy.json().get("/servers/getVersion").path("version").asString();

        assertThat(version).isEqualTo("2.4.190");
        assertThat(server.requests.get(0).header("Host")).isEqualTo("misp.internal.example:8080");
        assertThat(server.requests.get(0).header("Authorization")).isEqualTo(KEY);
    }

    @Test
    void humanDurations() {
        assertThat(Durations.human(Duration.ofMillis(250))).isEqualTo("250 ms");
        assertThat(Durations.human(Duration.ofMillis(1500))).isEqualTo("1.5 s");
        assertThat(Durations.human(Duration.ofSeconds(90))).isEqualTo("1 min 30 s");
        assertThat(Durations.human(Duration.ofMinutes(150))).isEqualTo("2 h 30 min");
        assertThat(Durations.human(Duration.ofDays(2))).isEqualTo("2 d");
    }

    @Test
    void refusesToSendCredentialsToAnotherHost() {
        assertThatThrownBy(() -> target().send(HttpCall.get("https://evil.example/api").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refusing to send credentials");
    }
}
