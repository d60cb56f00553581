package io.sightline.server.web;

import io.sightline.server.connectors.spi.Connector;
import io.sightline.server.connectors.spi.ConnectorContext;
import io.sightline.server.connectors.spi.HealthTracker;
import io.sightline.server.connectors.spi.ServerHealth;
import io.sightline.server.connectors.spi.ServerStatus;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Beans the UI tests add to the hub: a connector reporting one healthy and one failing server
 * (with a hostile reason, as a remote system could send).
 */
@TestConfiguration
public class UiTestBeans {
    static final String CONNECTOR = "probe";
    static final String HOSTILE_REASON = "<script>alert(3)</script> connection refused";

    @Bean
    Connector probeConnector() {
        HealthTracker health = new HealthTracker(CONNECTOR, true);
        health.declareServer("MISP A", Map.of());
        health.serverOk("MISP A", "2.4.190");
        health.declareServer("MISP B", Map.of());
        health.serverFailed("MISP B", ServerStatus.ERROR, HOSTILE_REASON);
        return new Connector() {
            @Override
            public String name() {
                return CONNECTOR;
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

            /** The remote answers as before: the same two servers. */
            @Override
            public List<ServerHealth> testConnection() {
                health.serverOk("MISP A", "2.4.190");
                health.serverFailed("MISP B", ServerStatus.ERROR, HOSTILE_REASON);
                return health.snapshot().servers();
            }
        };
    }
}
