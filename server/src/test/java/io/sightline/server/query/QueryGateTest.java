package io.sightline.server.query;

import io.sightline.server.support.H2Database;
import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries run a few at a time: one arriving while every turn is taken waits for the next free
 * turn, and is refused as the server being busy (503) only once it has waited the limit; the
 * hub's other routes are not held up.
 */
@ContextConfiguration(initializers = H2Database.class)
@TestPropertySource(properties = {"sightline.query.concurrency=2", "sightline.query.max-wait=700ms"})
class QueryGateTest extends HubTest {
    private static final Map<String, Object> LIST_CASES = Map.of("query", List.of(Map.of("_name", "listCase"),
            Map.of("_name", "page", "from", 0, "to", 5)));

    @Autowired
    QueryGate gate;

    @Test
    void aQueryWaitsForATurnAndIsRefusedAsBusyOnlyAfterTheLimit() throws Exception {
        String caseId = createCase(admin, unique("gated"));
        assertThat(gate.size()).isEqualTo(2);
        QueryGate.Turn first = gate.enter();
        QueryGate.Turn second = gate.enter();
        try {
            long start = System.nanoTime();
            TestApi.Response refused = admin.post("/api/v1/query", LIST_CASES);
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.json().get("type").asString()).isEqualTo("ServiceUnavailable");
            assertThat(refused.json().get("message").asString()).contains("busy");
            assertThat(waitedMillis).as("waited its limit before the refusal").isGreaterThanOrEqualTo(650);
            assertThat(admin.get("/api/v1/case/" + caseId).status()).as("other routes are not gated").isEqualTo(200);

            CompletableFuture<TestApi.Response> waiting = CompletableFuture.supplyAsync(() -> admin.post("/api/v1/query", LIST_CASES));
            Thread.sleep(200);
            assertThat(waiting).as("still waiting for a turn").isNotDone();
            first.close();
            TestApi.Response served = waiting.get(10, TimeUnit.SECONDS);
            assertThat(served.status()).as(served.toString()).isEqualTo(200);
            assertThat(served.json().size()).isPositive();
        } finally {
            first.close();
            second.close();
        }
        assertThat(admin.post("/api/v1/query", LIST_CASES).status()).as("every turn given back").isEqualTo(200);
        assertThat(admin.post("/api/v1/query", Map.of("query", "not a list")).status()).as("a bad query still a 400").isEqualTo(400);
    }
}
