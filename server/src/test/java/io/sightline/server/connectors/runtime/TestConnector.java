package io.sightline.server.connectors.runtime;

import io.sightline.server.connectors.spi.Connector;
import io.sightline.server.connectors.spi.ConnectorContext;
import io.sightline.server.connectors.spi.HealthTracker;
import io.sightline.server.connectors.spi.PartitionScheduler;
import io.sightline.server.connectors.spi.SchedulePolicy;
import io.sightline.server.connectors.spi.ServerHealth;
import io.sightline.server.connectors.spi.ServerStatus;

import io.sightline.server.connectors.config.ConfigBlock;
import io.sightline.server.connectors.config.ConfigSpec;
import io.sightline.server.connectors.config.ConnectorConfigReader;
import io.sightline.server.connectors.config.HttpServerSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * A connector as the real ones are written, minus the remote system: its block
 * ({@code test-connector}) is read with the strict reader, its servers are "checked" from their
 * configured {@code version} (a server without one answers like a refused key), and its
 * partition task fails on request.
 */
class TestConnector implements Connector {
    static final ConfigSpec SPEC = ConfigSpec.create()
            .optional("interval", ConfigSpec.Type.DURATION, Duration.ofSeconds(1))
            .blockList("servers", HttpServerSettings.serverSpec("bearer")
                    .optional("version", ConfigSpec.Type.STRING, null), true);

    private final ConfigBlock config;
    private final HealthTracker health;
    final AtomicInteger runs = new AtomicInteger();
    final Set<String> failNextRunOf = ConcurrentHashMap.newKeySet();
    /** Partitions whose runs fail until removed: lets a test observe the failing state without a race. */
    final Set<String> failRunsOf = ConcurrentHashMap.newKeySet();
    volatile PartitionScheduler scheduler;

    TestConnector(ConfigurableEnvironment env) {
        config = ConnectorConfigReader.read(env, "test-connector", SPEC);
        health = new HealthTracker("test", config.present());
        for (ConfigBlock server : config.blocks("servers")) {
            server.block("auth").optionalString("key").ifPresent(health::redact);
            health.declareServer(server.string("name"), Map.of("url", server.uri("url").toString()));
        }
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public HealthTracker health() {
        return health;
    }

    @Override
    public void start(ConnectorContext context) {
        testConnection();
        context.repeat("status check", Duration.ofMillis(300), this::testConnection);
        scheduler = context.scheduler(SchedulePolicy.every(config.duration("interval")).withFirstRetry(Duration.ofMillis(200)),
                run -> {
                    runs.incrementAndGet();
                    if (failNextRunOf.remove(run.partition()) || failRunsOf.contains(run.partition())) {
                        String key = config.blocks("servers").get(0).block("auth").string("key");
                        throw new IllegalStateException("remote answered 500 for key " + key);
                    }
                    run.count("imported", 2);
                });
        for (ConfigBlock server : config.blocks("servers")) scheduler.addPartition(server.string("name"));
        scheduler.start();
    }

    @Override
    public void stop() {
        // nothing of its own to release
    }

    @Override
    public List<ServerHealth> testConnection() {
        List<ServerHealth> out = new ArrayList<>();
        for (ConfigBlock server : config.blocks("servers")) {
            String name = server.string("name");
            var version = server.optionalString("version");
            if (version.isPresent()) health.serverOk(name, version.get());
            else health.serverFailed(name, ServerStatus.AUTH_ERROR, "key " + server.block("auth").string("key") + " refused (401)");
            out.add(health.snapshot().servers().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow());
        }
        return out;
    }

    @Override
    public String checkpointForDate(Instant date) {
        return Long.toString(date.getEpochSecond());
    }
}
