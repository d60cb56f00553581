package io.sightline.server.connectors.runtime;

import io.sightline.server.connectors.spi.Connector;
import io.sightline.server.connectors.spi.HealthStatus;
import io.sightline.server.connectors.spi.ServerHealth;

import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Checks every server of a connector now, for whoever may do so (permission {@code manageConfig}):
 * the one service behind {@code POST /api/v1/connector/{name}/test} and the About page's button.
 */
@Service
public class ConnectionTester {
    private final ConnectorRegistry registry;

    public ConnectionTester(ConnectorRegistry registry) {
        this.registry = registry;
    }

    /** What a test found; {@code status} and {@code servers} are set when {@code outcome} is TESTED. */
    public record ConnectionTest(String connector, Outcome outcome, HealthStatus status, List<ServerHealth> servers) {
        public enum Outcome { TESTED, NOT_ALLOWED, UNKNOWN_CONNECTOR, DISABLED }

        /** The sentence for a test that did not run. */
        public String refusal() {
            return switch (outcome) {
                case TESTED -> null;
                case NOT_ALLOWED -> "Testing a connection needs the manageConfig permission";
                case UNKNOWN_CONNECTOR -> "Connector " + connector + " not found";
                case DISABLED -> "Connector " + connector + " is not enabled: its block is absent from the configuration";
            };
        }
    }

    public ConnectionTest test(Principal who, String name) {
        if (!who.can(Permission.MANAGE_CONFIG)) return refused(name, ConnectionTest.Outcome.NOT_ALLOWED);
        Connector c = registry.find(name).orElse(null);
        if (c == null) return refused(name, ConnectionTest.Outcome.UNKNOWN_CONNECTOR);
        if (!c.enabled()) return refused(name, ConnectionTest.Outcome.DISABLED);
        List<ServerHealth> servers = c.testConnection();
        return new ConnectionTest(name, ConnectionTest.Outcome.TESTED, c.health().snapshot().status(), List.copyOf(servers));
    }

    private static ConnectionTest refused(String name, ConnectionTest.Outcome outcome) {
        return new ConnectionTest(name, outcome, null, List.of());
    }
}
