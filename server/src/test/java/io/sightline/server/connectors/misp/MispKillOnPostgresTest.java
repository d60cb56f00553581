package io.sightline.server.connectors.misp;

import io.sightline.server.support.ChildHub;
import io.sightline.server.support.ChildHubStore;
import io.sightline.server.support.TestApi;
import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MispKillOnPostgresTest extends MispKillContract {
    private final ChildHubStore store = ChildHubStore.postgres("misp-kill-pg");

    @Override
    ChildHubStore store() {
        return store;
    }

    /**
     * A second hub on the same database, started while the first imports (so it found the
     * partition locked), finishes the import within a minute of the first one's kill.
     */
    @Test
    void aSecondHubTakesOverTheImportOfAKilledOne() throws Exception {
        int events = addEvents(1000, Duration.ofMillis(2500));
        try (ChildHub first = hub("first.log")) {
            await(Duration.ofSeconds(60), "the first hub importing", () -> alerts(first.admin()) > 0);
            try (ChildHub second = hub("second.log")) {
                TestApi api = second.admin();
                long beforeKill = alerts(api);
                first.kill();
                long killed = System.nanoTime();
                assertThat(beforeKill).as("killed in the middle of the import").isLessThan(events);
                await(Duration.ofSeconds(60), "every event imported within a minute of the kill", () -> alerts(api) >= events);
                System.out.printf("%s: first hub killed after %d of %d events; the second had them all %.1f s later%n",
                        getClass().getSimpleName(), beforeKill, events, (System.nanoTime() - killed) / 1e9);
                assertEachEventOnce(api, events);
            }
        }
    }
}
