package io.sightline.server.connectors.stixify;

import io.sightline.server.connectors.spi.FailureReason;
import io.sightline.integrations.http.HttpAuthException;
import io.sightline.integrations.opencti.OpenCtiException;
import io.sightline.integrations.stixify.DossierResult;
import io.sightline.integrations.stixify.DossierSync;
import io.sightline.integrations.stixify.ReportFailure;
import io.sightline.integrations.stixify.ReportSink;
import io.sightline.integrations.stixify.StixifyClient;
import io.sightline.integrations.stixify.StixifyTimestamps;
import io.sightline.integrations.stixify.SyncResult;
import io.sightline.server.connectors.spi.Checkpoint;
import io.sightline.server.connectors.spi.Connector;
import io.sightline.server.connectors.spi.ConnectorContext;
import io.sightline.server.connectors.spi.ConnectorHealth;
import io.sightline.server.connectors.spi.FailingReport;
import io.sightline.server.connectors.spi.HealthTracker;
import io.sightline.server.connectors.spi.PartitionRun;
import io.sightline.server.connectors.spi.PartitionScheduler;
import io.sightline.server.connectors.spi.SchedulePolicy;
import io.sightline.server.connectors.spi.ServerHealth;
import io.sightline.server.connectors.spi.ServerStatus;
import io.sightline.server.intel.IntelIngestService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

/**
 * The Stixify dossier sync as a hub connector ({@code stixify} block, see {@code docs/stixify.md}):
 * every configured dossier's new reports go into the intel store and, with an {@code opencti}
 * block, to OpenCTI as well.
 *
 * <p>One partition per dossier: the dossier's cursor is that partition's hub checkpoint (shown and
 * reset per dossier through the checkpoint API), each dossier has its own lag, failures and
 * retries, and a broken dossier never holds back the others' cursors. Runs of all partitions share
 * the scheduler's single thread, so two syncs never overlap on one hub; across hubs the partition
 * lock keeps one dossier on one instance at a time.
 */
@Component
public class StixifyHubConnector implements Connector {
    public static final String NAME = "stixify";
    public static final String STIXIFY_SERVER = "Stixify";
    public static final String OPENCTI_SERVER = "OpenCTI";
    private static final Logger log = LoggerFactory.getLogger(StixifyHubConnector.class);

    private final Optional<StixifySettings> settings;
    private final IntelIngestService intel;
    private final HealthTracker health;
    private volatile StixifyClient client;
    private volatile OpenCtiTarget opencti;
    private volatile ConnectorContext context;
    private volatile PartitionScheduler scheduler;

    public StixifyHubConnector(ConfigurableEnvironment env, IntelIngestService intel) {
        this.settings = StixifySettings.read(env);
        this.intel = intel;
        this.health = new HealthTracker(NAME, settings.isPresent());
        settings.ifPresent(s -> {
            health.redact(s.apiKey());
            health.declareServer(STIXIFY_SERVER, Map.of("url", s.baseUrl().toString(), "dossiers", s.dossierIds()));
            s.opencti().ifPresent(o -> {
                health.redact(o.token());
                health.redact(o.mq().password());
                health.declareServer(OPENCTI_SERVER, Map.of("url", o.url().toString(), "protocol", o.amqp() ? "amqp" : "api"));
            });
            log.info("Stixify connector configured: {}", s);
        });
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HealthTracker health() {
        return health;
    }

    public Optional<StixifySettings> settings() {
        return settings;
    }

    @Override
    public void start(ConnectorContext context) {
        StixifySettings s = settings.orElseThrow();
        this.context = context;
        this.client = StixifyClient.create(s.baseUrl().toString(), s.apiKey());
        this.opencti = s.opencti().map(OpenCtiTarget::new).orElse(null);
        SchedulePolicy policy = SchedulePolicy.every(s.interval()).withInitialDelay(s.initialDelay());
        scheduler = context.scheduler(policy, this::syncDossier);
        s.dossierIds().forEach(scheduler::addPartition);
        scheduler.start();
    }

    @Override
    public void stop() {
        OpenCtiTarget target = opencti;
        if (target != null) target.close();
    }

    /** Syncs one dossier now (after the run in progress, if any); completes with the run's outcome. */
    public CompletableFuture<PartitionScheduler.Outcome> syncNow(String dossierId) {
        PartitionScheduler s = scheduler;
        if (s == null) throw new IllegalStateException("the Stixify connector is not running");
        return s.triggerNow(dossierId);
    }

    /** Syncs every configured dossier now; the futures complete with each run's outcome. */
    public Map<String, CompletableFuture<PartitionScheduler.Outcome>> syncAllNow() {
        Map<String, CompletableFuture<PartitionScheduler.Outcome>> runs = new LinkedHashMap<>();
        for (String id : settings.orElseThrow().dossierIds()) runs.put(id, syncNow(id));
        return runs;
    }

    @Override
    public List<ServerHealth> testConnection() {
        if (settings.isEmpty()) return List.of();
        StixifyClient c = client != null ? client : StixifyClient.create(settings.get().baseUrl().toString(), settings.get().apiKey());
        try {
            int visible = c.listDossiers().size();
            health.serverOk(STIXIFY_SERVER, "");
            log.debug("Stixify answers; {} dossier(s) visible to the key", visible);
        } catch (RuntimeException e) {
            stixifyFailed(e);
        }
        settings.get().opencti().ifPresent(o -> {
            OpenCtiTarget target = opencti != null ? opencti : new OpenCtiTarget(o);
            try {
                health.serverOk(OPENCTI_SERVER, target.check());
            } catch (RuntimeException e) {
                openCtiFailed(e);
            }
        });
        return health.snapshot().servers();
    }

    /**
     * The tracker's health plus the sync summary: the stalest dossier's lag, the latest dossier
     * error and the reports recorded as failing in the dossiers' checkpoints.
     */
    @Override
    public ConnectorHealth currentHealth() {
        ConnectorHealth h = health.snapshot();
        return h.enabled() ? h.withSync(failingReports()) : h;
    }

    /**
     * The reports recorded as failing in the dossiers' checkpoints: set aside after
     * {@value io.sightline.integrations.stixify.DossierSync#FAILED_RUNS_BEFORE_SET_ASIDE} failed runs,
     * or still retried. Errors are redacted like every other reason the connector shows.
     */
    public List<FailingReport> failingReports() {
        ConnectorContext c = context;
        if (c == null || settings.isEmpty()) return List.of();
        // One read for every dossier; only a checkpoint holding failures is JSON (a bare cursor is not).
        Map<String, String> checkpoints = new HashMap<>();
        for (Checkpoint cp : c.checkpoints()) {
            if (cp.value() != null && cp.value().startsWith("{")) checkpoints.put(cp.partition(), cp.value());
        }
        List<FailingReport> out = new ArrayList<>();
        for (String dossierId : settings.get().dossierIds()) {
            String checkpoint = checkpoints.get(dossierId);
            if (checkpoint == null) continue;
            for (ReportFailure f : DossierCheckpointStore.failures(dossierId, Optional.of(checkpoint))) {
                out.add(new FailingReport(dossierId, f.reportId(), f.name(), f.failedRuns(), f.setAside(),
                        health.scrub(f.lastError()), f.lastFailedAt()));
            }
        }
        return out;
    }


    /** The checkpoint meaning "reports added after {@code date}": the {@code added_after} cursor. */
    @Override
    public String checkpointForDate(Instant date) {
        return StixifyTimestamps.format(date);
    }

    private void syncDossier(PartitionRun run) {
        String dossierId = run.partition();
        ReportSink openCtiSink = null;
        if (opencti != null) {
            try {
                openCtiSink = opencti.sinkForRun();
                health.serverOk(OPENCTI_SERVER, opencti.version());
            } catch (RuntimeException e) {
                openCtiFailed(e);
                throw e;
            }
        }
        HubReportSink sink = new HubReportSink(intel, openCtiSink, listener(), run);
        Runnable beforeSave = opencti == null ? () -> {} : opencti::awaitDelivered;
        DossierSync sync = new DossierSync(client, sink, new DossierCheckpointStore(context, dossierId, beforeSave),
                List.of(dossierId), context.clock());
        SyncResult result;
        try {
            result = sync.runOnce();
        } catch (RuntimeException e) {
            stixifyFailed(e);
            throw e;
        }
        if (!result.invisibleDossierIds().isEmpty()) {
            health.serverOk(STIXIFY_SERVER, "");
            throw new IllegalStateException("dossier " + dossierId + " is not visible to the Stixify API key (or does not exist)");
        }
        DossierResult dossier = result.dossiers().get(0);
        if (!sink.stixifyFailed()) health.serverOk(STIXIFY_SERVER, "");
        if (!dossier.succeeded()) {
            List<String> failures = new ArrayList<>(dossier.failures());
            throw new StixifySyncException(dossier.dossier().name(), dossierId, dossier.reportsDelivered(), failures);
        }
        log.info("Stixify: dossier {} ({}) synced: {} report(s), {} object(s); cursor {}", dossier.dossier().name(), dossierId,
                dossier.reportsDelivered(), dossier.objectsDelivered(),
                dossier.cursorAfter() == null ? "-" : StixifyTimestamps.format(dossier.cursorAfter()));
    }

    private HubReportSink.Listener listener() {
        return new HubReportSink.Listener() {
            @Override
            public void stixifyFailed(Exception e) {
                StixifyHubConnector.this.stixifyFailed(e);
            }

            @Override
            public void openCtiFailed(Exception e) {
                StixifyHubConnector.this.openCtiFailed(e);
            }
        };
    }

    private void stixifyFailed(Exception e) {
        ServerStatus status = e instanceof HttpAuthException ? ServerStatus.AUTH_ERROR : ServerStatus.ERROR;
        health.serverFailed(STIXIFY_SERVER, status, FailureReason.of(e));
    }

    private void openCtiFailed(Exception e) {
        boolean auth = e instanceof HttpAuthException || e instanceof OpenCtiException o && o.httpStatus() == 401;
        health.serverFailed(OPENCTI_SERVER, auth ? ServerStatus.AUTH_ERROR : ServerStatus.ERROR, FailureReason.of(e));
    }
}
