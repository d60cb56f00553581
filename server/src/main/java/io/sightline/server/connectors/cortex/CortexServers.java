package io.sightline.server.connectors.cortex;

import io.sightline.integrations.cortex.CortexClient;
import io.sightline.integrations.cortex.CortexHealth;
import io.sightline.integrations.http.HttpTarget;
import io.sightline.server.connectors.spi.HealthTracker;
import io.sightline.server.connectors.spi.ServerHealth;
import io.sightline.server.connectors.spi.ServerStatus;
import io.sightline.server.core.NotFound;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

/**
 * The configured Cortex servers: settings, one {@link CortexClient} each, and the connector's
 * health, where each server's last check (version, then key) is recorded.
 */
@Component
public class CortexServers {
    private static final Logger log = LoggerFactory.getLogger(CortexServers.class);

    private final CortexSettings settings;
    private final HealthTracker health;
    private final Map<String, CortexSettings.Server> servers = new LinkedHashMap<>();
    private final Map<String, CortexClient> clients = new LinkedHashMap<>();

    public CortexServers(ConfigurableEnvironment env) {
        this.settings = CortexSettings.read(env);
        this.health = new HealthTracker(CortexConnector.NAME, settings.present());
        for (CortexSettings.Server s : settings.servers()) {
            health.redact(s.secret());
            health.declareServer(s.name(), Map.of("url", s.url()));
            servers.put(s.name(), s);
            clients.put(s.name(), new CortexClient(HttpTarget.create(s.target())));
        }
    }

    public CortexSettings settings() {
        return settings;
    }

    public HealthTracker health() {
        return health;
    }

    public List<CortexSettings.Server> all() {
        return List.copyOf(servers.values());
    }

    /** Servers the organisation may use, in configuration order. */
    public List<CortexSettings.Server> usableBy(String organisation) {
        return servers.values().stream().filter(s -> s.allows(organisation)).toList();
    }

    /** The server named {@code cortexId} if the organisation may use it; TheHive's 404 otherwise. */
    public CortexSettings.Server server(String cortexId, String organisation) {
        CortexSettings.Server s = servers.get(cortexId);
        if (s == null || !s.allows(organisation)) throw new NotFound("Cortex " + cortexId + " not found");
        return s;
    }

    /** The server of a stored job, even if its organisation filters changed since; null if no longer configured. */
    CortexSettings.Server byName(String name) {
        return servers.get(name);
    }

    public CortexClient client(String name) {
        CortexClient c = clients.get(name);
        if (c == null) throw new IllegalArgumentException("no Cortex server named " + name);
        return c;
    }

    /** Checks one server as TheHive does (GET /api/status, then the key) and records the verdict. */
    public ServerHealth check(String name) {
        CortexHealth verdict = client(name).health();
        ServerStatus before = current(name).status();
        switch (verdict.state()) {
            case OK -> health.serverOk(name, verdict.version());
            case AUTH_ERROR -> health.serverFailed(name, ServerStatus.AUTH_ERROR, verdict.message());
            default -> health.serverFailed(name, ServerStatus.ERROR, verdict.message());
        }
        ServerHealth after = current(name);
        if (after.status() != before) {
            if (after.status() == ServerStatus.OK) log.info("Cortex {} is OK (version {})", name, after.version());
            else log.warn("Cortex {} is {}: {}", name, after.status(), after.lastError());
        }
        return after;
    }

    private ServerHealth current(String name) {
        return health.snapshot().servers().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
