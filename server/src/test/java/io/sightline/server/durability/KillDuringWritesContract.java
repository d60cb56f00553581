package io.sightline.server.durability;

import io.sightline.server.support.ChildHub;
import io.sightline.server.support.ChildHubStore;
import io.sightline.server.support.TestApi;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 201 means saved: the hub is killed with SIGKILL in the middle of a burst of writes, restarted
 * on the same database, and every case and observable it acknowledged before the kill is there.
 */
abstract class KillDuringWritesContract {
    private static final int CLIENTS = 6;
    private static final long BURST_MILLIS = 2500;

    /** The database under test; the same for both starts. */
    abstract ChildHubStore store();

    @Test
    void everyAcknowledgedWriteSurvivesAKill() throws Exception {
        List<String> args = store().args();
        Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger observables = new AtomicInteger();
        try (ChildHub hub = ChildHub.start(store().dir().resolve("hub.log"), args)) {
            TestApi api = hub.admin();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                Thread t = new Thread(() -> write(api, client, acknowledged, observables), "writer-" + c);
                t.start();
                clients.add(t);
            }
            Thread.sleep(BURST_MILLIS);
            hub.kill();
            for (Thread t : clients) t.join(30_000);
        }
        assertThat(acknowledged).as("cases acknowledged before the kill").hasSizeGreaterThan(CLIENTS);
        assertThat(observables.get()).as("observables acknowledged before the kill").isGreaterThan(CLIENTS);

        try (ChildHub again = ChildHub.start(store().dir().resolve("hub-after-kill.log"), args)) {
            TestApi api = again.admin();
            List<String> lostCases = new ArrayList<>();
            int lostObservables = 0;
            for (var e : acknowledged.entrySet()) {
                var found = api.get("/api/v1/case/" + e.getKey() + "/observables");
                if (found.status() == 404) {
                    lostCases.add(e.getKey());
                    lostObservables += e.getValue().size();
                    continue;
                }
                assertThat(found.status()).as(found.toString()).isEqualTo(200);
                Set<String> present = new HashSet<>();
                found.json().forEach(o -> present.add(o.get("data").asString()));
                for (String data : e.getValue()) if (!present.contains(data)) lostObservables++;
            }
            System.out.printf("%s: %d cases and %d observables acknowledged before the kill; lost: %d cases, %d observables%n",
                    getClass().getSimpleName(), acknowledged.size(), observables.get(), lostCases.size(), lostObservables);
            assertThat(lostCases).as("acknowledged cases missing after the restart, of " + acknowledged.size()).isEmpty();
            assertThat(lostObservables).as("acknowledged observables missing after the restart, of " + observables.get()).isZero();
        }
    }

    /** Creates a case, then observables in it, until the hub stops answering; records only what got a 201. */
    private static void write(TestApi api, int client, Map<String, Set<String>> acknowledged, AtomicInteger observables) {
        String caseId = null;
        try {
            for (int i = 0; ; i++) {
                if (i % 10 == 0) {
                    var created = api.post("/api/v1/case", Map.of("title", "kill test " + client + "-" + i, "description", "d"));
                    if (created.status() != 201) return;
                    caseId = created.json().get("_id").asString();
                    acknowledged.put(caseId, ConcurrentHashMap.newKeySet());
                    continue;
                }
                String data = "10." + client + "." + (i / 250) + "." + (i % 250);
                var added = api.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", "ip", "data", data));
                if (added.status() != 201) return;
                acknowledged.get(caseId).add(data);
                observables.incrementAndGet();
            }
        } catch (RuntimeException hubGone) {
            // the kill: this write was never acknowledged
        }
    }
}
