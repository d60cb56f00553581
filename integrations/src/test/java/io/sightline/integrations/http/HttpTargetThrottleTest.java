package io.sightline.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.integrations.http.LoopbackServer.Answer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpTargetThrottleTest {

    private LoopbackServer server;

    @BeforeEach
    void start() throws Exception {
        server = LoopbackServer.http();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void rateLimitMakesRequestsWaitInsteadOfFailing() {
        server.answer(Answer.of(200, "{}"));
        HttpTarget target = HttpTarget.create(HttpTargetConfig.builder("rated", server.baseUrl())
                .rateLimit(new RateLimit(10, 1)).build());

        long started = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            target.send(HttpCall.get("/api/job/" + i).build());
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        // one token at once, then one every 100 ms: five waits
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(450));
        assertThat(server.requestCount()).isEqualTo(6);
    }

    @Test
    void concurrencyLimitQueuesTheOtherRequests() throws Exception {
        server.answer(Answer.of(200, "{}").delayed(150));
        HttpTarget target = HttpTarget.create(HttpTargetConfig.builder("narrow", server.baseUrl())
                .maxConcurrentRequests(2).build());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> target.send(HttpCall.get("/x").build()).status()));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.maxConcurrentRequests()).isEqualTo(2);
    }

    @Test
    void streamedBodyKeepsItsSlotUntilClosed() throws Exception {
        server.answer(Answer.of(200, "[1,2,3]"));
        HttpTarget target = HttpTarget.create(HttpTargetConfig.builder("stream", server.baseUrl())
                .maxConcurrentRequests(1).requestTimeout(Duration.ofSeconds(2)).build());

        HttpReply<java.io.InputStream> first = target.openStream(HttpCall.get("/big").build());
        String text = new String(first.body().readAllBytes(), StandardCharsets.UTF_8);
        first.body().close();
        int sum = target.json().stream(HttpCall.get("/big").build(), parser -> {
            int total = 0;
            while (parser.nextToken() != null) {
                if (parser.currentToken().isNumeric()) {
                    total += parser.getIntValue();
                }
            }
            return total;
        });

        assertThat(text).isEqualTo("[1,2,3]");
        assertThat(sum).isEqualTo(6);
    }

    @Test
    void queryParametersAreEncodedSoTheServerReadsThemBack() {
        server.answer(Answer.of(200, "{}"));
        HttpTarget target = HttpTarget.create(HttpTargetConfig.builder("q", server.baseUrl()).build());

        target.send(HttpCall.get("/api/v1/objects/")
                .query("created_at_after", "2024-05-01T10:00:00.000000+00:00")
                .query("name", "a b&c=d/é")
                .query("tag", "x").query("tag", "y").query("skipped", null).build());

        assertThat(server.requests.get(0).rawQuery()).isEqualTo(
                "created_at_after=2024-05-01T10%3A00%3A00.000000%2B00%3A00&name=a%20b%26c%3Dd%2F%C3%A9&tag=x&tag=y");
        assertThat(QueryParams.encodePathSegment("Abuse_Finder 3.0/x")).isEqualTo("Abuse_Finder%203.0%2Fx");
    }

    @Test
    void multipartUploadCarriesTheFileAndTheJsonField(@TempDir Path dir) throws Exception {
        server.answer(Answer.of(200, "{\"id\":\"job\"}"));
        Path sample = Files.writeString(dir.resolve("sample.bin"), "MZ-binary-content");
        HttpTarget target = HttpTarget.create(HttpTargetConfig.builder("upload", server.baseUrl())
                .auth(HttpAuth.bearer("cortex-key-0001")).build());

        String id = target.json().send(HttpCall.post("/api/analyzer/x/run").multipart(MultipartBody.create()
                .file("attachment", "sample \"1\".bin", "application/octet-stream", sample)
                .jsonField("_json", new Meta("file", 2, "{\"note\":1}"))).build()).path("id").asString();

        LoopbackServer.Seen seen = server.requests.get(0);
        String contentType = seen.header("Content-Type");
        String boundary = contentType.substring(contentType.indexOf("boundary=") + 9);
        String body = new String(seen.body(), StandardCharsets.UTF_8);
        assertThat(id).isEqualTo("job");
        assertThat(contentType).startsWith("multipart/form-data; boundary=");
        assertThat(body).isEqualTo("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"attachment\"; filename=\"sample %221%22.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n"
                + "MZ-binary-content\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"_json\"\r\n"
                + "Content-Type: application/json\r\n\r\n"
                + "{\"dataType\":\"file\",\"tlp\":2,\"message\":\"{\\\"note\\\":1}\"}\r\n"
                + "--" + boundary + "--\r\n");
    }

    record Meta(String dataType, int tlp, String message) {
    }
}
