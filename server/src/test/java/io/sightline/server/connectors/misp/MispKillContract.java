package io.sightline.server.connectors.misp;

import io.sightline.server.support.ChildHub;
import io.sightline.server.support.ChildHubStore;
import io.sightline.server.support.TestApi;
import io.sightline.testkit.misp.MispEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hub killed with SIGKILL in the middle of a MISP import and started again at once finishes the
 * import within a minute of its restart (its dead run's lock lapses within a lease,
 * {@code sightline.connectors.lock-lease}, here 5 s), and every event arrives exactly once. MISP answers each page of events slowly, so the import lasts
 * long enough to be killed in its middle.
 */
abstract class MispKillContract {
    static final Duration LEASE = Duration.ofSeconds(5);
    static final int ATTRIBUTES = 4;

    final MispTesting.Misp misp = new MispTesting.Misp(MispEmulator.Options.defaults());

    /** The database under test; the same for each start. */
    abstract ChildHubStore store();

    @AfterEach
    void stopMisp() {
        misp.emulator.close();
    }

    @Test
    void aHubKilledMidImportResumesAtItsRestartAndImportsEveryEventOnce() throws Exception {
        int events = addEvents(500, Duration.ofMillis(700));
        long beforeKill;
        try (ChildHub hub = hub("hub.log")) {
            TestApi api = hub.admin();
            await(Duration.ofSeconds(60), "part of the import done", () -> alerts(api) >= 100);
            beforeKill = alerts(api);
            hub.kill();
        }
        assertThat(beforeKill).as("killed in the middle of the import").isLessThan(events);
        long restart = System.nanoTime();
        try (ChildHub again = hub("hub-after-kill.log")) {
            TestApi api = again.admin();
            await(Duration.ofSeconds(60).minusNanos(System.nanoTime() - restart), "every event imported within a minute of the restart",
                    () -> alerts(api) >= events);
            System.out.printf("%s: killed after %d of %d events; all imported %.1f s after the restart (start-up included)%n",
                    getClass().getSimpleName(), beforeKill, events, (System.nanoTime() - restart) / 1e9);
            assertEachEventOnce(api, events);
        }
    }

    /** Events of a few attributes, served a page at a time, each page after {@code pageDelay}. */
    int addEvents(int count, Duration pageDelay) {
        for (int i = 0; i < count; i++) misp.emulator.store().addGenerated("kill " + i, ATTRIBUTES, misp.tick(), List.of());
        misp.emulator.faults().slow("/events/restSearch", 10_000, pageDelay);
        return count;
    }

    ChildHub hub(String log) {
        List<String> args = new ArrayList<>(store().args());
        args.addAll(List.of("--sightline.connectors.lock-lease=" + LEASE.toSeconds() + "s",
                "--misp.servers[0].name=local", "--misp.servers[0].url=" + misp.emulator.baseUrl(),
                "--misp.servers[0].auth.type=key", "--misp.servers[0].auth.key=" + misp.emulator.apiKey()));
        return ChildHub.start(store().dir().resolve(log), args);
    }

    static long alerts(TestApi api) {
        var r = api.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "listAlert"), Map.of("_name", "count"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return Long.parseLong(r.body().trim());
    }

    static void assertEachEventOnce(TestApi api, int events) {
        List<String> refs = new ArrayList<>();
        for (int from = 0; from < events + 50; from += 500) {
            var r = api.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "listAlert"),
                    Map.of("_name", "page", "from", from, "to", from + 500))));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            r.json().forEach(a -> refs.add(a.get("sourceRef").asString()));
        }
        assertThat(refs).as("alerts").hasSize(events);
        assertThat(new HashSet<>(refs)).as("distinct events among the alerts").hasSize(events);
    }

    static void await(Duration bound, String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + bound.toSeconds() + " s: " + what);
            Thread.sleep(100);
        }
    }
}
