package io.sightline.server.connectors.runtime;

import io.sightline.server.connectors.spi.Connector;
import io.sightline.server.connectors.spi.ConnectorContext;
import io.sightline.server.connectors.spi.HealthTracker;
import io.sightline.server.connectors.spi.ServerHealth;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ConnectorContext#repeat}: the per-instance periodic work, such as the server status checks. */
class RepeatedTaskTest {

    @Test
    void aRepeatedTaskKeepsRunningAfterItThrowsAnError() {
        RuntimeConnectorContext context = new RuntimeConnectorContext(new Quiet(), null, null, null, Clock.systemUTC());
        AtomicInteger runs = new AtomicInteger();
        context.repeat("status check", Duration.ofMillis(10), () -> {
            // an Error (not an Exception) escaping a fixed-delay task cancels it for good, silently
            if (runs.incrementAndGet() == 1) throw new AssertionError("client library assertion");
        });
        try {
            ConnectorRuntimeContract.await(() -> runs.get() >= 3);
        } finally {
            context.stopSchedulers();
        }
        assertThat(runs.get()).isGreaterThanOrEqualTo(3);
    }

    /** A connector with nothing to do: only its name and health are used. */
    private static final class Quiet implements Connector {
        private final HealthTracker health = new HealthTracker("quiet", true);

        @Override
        public String name() {
            return "quiet";
        }

        @Override
        public HealthTracker health() {
            return health;
        }

        @Override
        public void start(ConnectorContext context) {
        }

        @Override
        public void stop() {
        }

        @Override
        public List<ServerHealth> testConnection() {
            return List.of();
        }
    }
}
