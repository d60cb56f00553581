package io.sightline.server.connectors.misp;

import io.sightline.server.connectors.spi.FailureReason;
import io.sightline.integrations.misp.MispClient;
import io.sightline.integrations.misp.mapping.MispAlertMapper;
import io.sightline.integrations.misp.mapping.MispImportTypes;

import io.sightline.integrations.http.HttpAuthException;
import io.sightline.server.auth.OrganisationRepository;
import io.sightline.server.connectors.spi.Connector;
import io.sightline.server.connectors.spi.ConnectorContext;
import io.sightline.server.connectors.spi.HealthTracker;
import io.sightline.server.connectors.spi.PartitionScheduler;
import io.sightline.server.connectors.spi.SchedulePolicy;
import io.sightline.server.connectors.spi.ServerHealth;
import io.sightline.server.connectors.spi.ServerStatus;
import io.sightline.server.connectors.config.ConfigBlock;
import io.sightline.server.connectors.config.ConnectorConfigReader;
import io.sightline.server.attachments.AttachmentStore;
import io.sightline.server.common.ObservableTypes;
import io.sightline.server.connectors.misp.importing.MispImportStore;
import io.sightline.server.connectors.misp.importing.ServerImport;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

/**
 * The MISP connector: imports events as alerts (one partition per server, see
 * {@link ServerImport}), exports cases as events ({@code exporting.MispExportService}), and reports each
 * server's health to its {@code HealthTracker}. Configuration: {@link MispSettings},
 * {@code docs/misp.md}.
 */
@Component
public class MispConnector implements Connector {
    private static final Logger log = LoggerFactory.getLogger(MispConnector.class);

    private final ConfigBlock config;
    private final HealthTracker health;
    private final Map<String, MispSettings.Server> servers = new LinkedHashMap<>();
    private final Map<String, MispClient> clients = new LinkedHashMap<>();
    private final ServerImport.Deps deps;
    private final AtomicInteger syncsRunning = new AtomicInteger();
    private volatile PartitionScheduler scheduler;
    private boolean syncRequested;

    public MispConnector(ConfigurableEnvironment env, MispImportStore store, ObservableTypes types,
                         AttachmentStore attachments, OrganisationRepository organisations) {
        this.config = ConnectorConfigReader.read(env, "misp", MispSettings.spec());
        this.health = new HealthTracker("misp", !config.blocks("servers").isEmpty());
        this.deps = new ServerImport.Deps(store, types, attachments, organisations);
        for (ConfigBlock block : config.blocks("servers")) {
            block.block("auth").optionalString("key").ifPresent(health::redact);
            block.block("auth").optionalString("password").ifPresent(health::redact);
            MispSettings.Server server = MispSettings.Server.of(block);
            servers.put(server.name(), server);
            health.declareServer(server.name(), Map.of("url", server.url(), "purpose", server.purposeLabel()));
        }
    }

    @Override
    public String name() {
        return "misp";
    }

    @Override
    public HealthTracker health() {
        return health;
    }

    @Override
    public void start(ConnectorContext context) {
        log.info("MISP connector settings: {}", config.describe());
        MispImportTypes types = MispImportTypes.loadDefault();
        Map<String, ServerImport> syncs = new LinkedHashMap<>();
        for (MispSettings.Server server : servers.values()) {
            if (server.target().tls().acceptAnyCertificate()) {
                log.warn("MISP server {}: certificates are NOT verified (wsConfig.ssl.loose.acceptAnyCertificate)", server.name());
            }
            MispClient client = MispClient.create(server.target());
            clients.put(server.name(), client);
            if (server.importing()) {
                syncs.put(server.name(), new ServerImport(server, client,
                        new MispAlertMapper(types, server.url(), server.extraTags()), deps, context, health,
                        config.integer("batchSize")));
            }
        }
        SchedulePolicy policy = SchedulePolicy.every(config.duration("interval"))
                .withInitialDelay(config.duration("syncInitialDelay"));
        PartitionScheduler s = context.scheduler(policy, run -> {
            syncsRunning.incrementAndGet();
            try {
                syncs.get(run.partition()).run(run);
            } finally {
                syncsRunning.decrementAndGet();
            }
        });
        syncs.keySet().forEach(s::addPartition);
        s.start();
        synchronized (this) {
            scheduler = s;
            if (syncRequested) s.partitions().forEach(s::triggerNow);
        }
        context.repeat("MISP status check", config.duration("checkStatusInterval"), this::testConnection);
    }

    @Override
    public void stop() {
        // the runtime stops the schedulers and the status checks; nothing else to release
    }

    @Override
    public List<ServerHealth> testConnection() {
        for (MispSettings.Server server : servers.values()) {
            MispClient client = clients.get(server.name());
            if (client == null) client = MispClient.create(server.target());
            try {
                health.serverOk(server.name(), client.version().version());
            } catch (RuntimeException e) {
                ServerStatus status = e instanceof HttpAuthException ? ServerStatus.AUTH_ERROR : ServerStatus.ERROR;
                health.serverFailed(server.name(), status, FailureReason.of(e));
            }
        }
        return health.snapshot().servers();
    }

    @Override
    public String checkpointForDate(Instant date) {
        return Long.toString(date.getEpochSecond());
    }

    /**
     * Starts a sync of every importing server now (TheHive's {@code _syncAlerts}); a server being
     * synced by this or another hub instance is not synced twice.
     *
     * @return the number of servers asked to sync
     */
    public synchronized int syncNow() {
        PartitionScheduler s = scheduler;
        if (s == null) {
            // asked while the hub is still starting: run as soon as the connector has started
            syncRequested = true;
            return 0;
        }
        s.partitions().forEach(s::triggerNow);
        return s.partitions().size();
    }

    /** True while this hub instance is importing from a server. */
    public boolean syncInProgress() {
        return syncsRunning.get() > 0;
    }

    public Optional<MispSettings.Server> server(String name) {
        return Optional.ofNullable(servers.get(name));
    }

    /** The client of a server (the one in use once started, else a new one). */
    public MispClient client(MispSettings.Server server) {
        MispClient c = clients.get(server.name());
        return c != null ? c : MispClient.create(server.target());
    }
}
