package io.sightline.server.connectors.misp.importing;

import io.sightline.server.connectors.spi.FailureReason;
import io.sightline.integrations.misp.MispClient;
import io.sightline.integrations.misp.MispEventQuery;
import io.sightline.integrations.misp.MispSearchResult;
import io.sightline.integrations.misp.mapping.MispAlertMapper;

import io.sightline.integrations.http.HttpAuthException;
import io.sightline.server.auth.Organisation;
import io.sightline.server.auth.OrganisationRepository;
import io.sightline.server.connectors.spi.ConnectorContext;
import io.sightline.server.connectors.spi.HealthTracker;
import io.sightline.server.connectors.spi.PartitionRun;
import io.sightline.server.connectors.spi.ServerStatus;
import io.sightline.server.attachments.AttachmentStore;
import io.sightline.server.common.ObservableTypes;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a MISP import starts: one run of one MISP server's partition: checks the server, then asks for the events changed
 * since the checkpoint (MISP's own {@code timestamp}, never the hub's clock), and imports them:
 * fetched a page at a time and mapped on this thread ({@link EventFetcher},
 * {@link EventReader}) while the previous ones are being written ({@link ImportPipeline},
 * {@link ImportWriter}). Events this hub exported, and events whose current version every
 * organisation already has, are skipped, only moving the checkpoint.
 */
public final class ServerImport {
    private static final Logger log = LoggerFactory.getLogger(ServerImport.class);

    /** The server an import reads from, as its settings describe it. */
    public interface Source {
        String name();

        /** The search for events changed since {@code since} (inclusive), with this server's filters. */
        MispEventQuery query(Instant since);

        /** Whether alerts of this server go to the hub organisation of this name. */
        boolean servesOrganisation(String organisation);
    }

    /** The hub's parts an import uses. */
    public record Deps(MispImportStore store, ObservableTypes types, AttachmentStore attachments,
                OrganisationRepository organisations) {}

    private final Source server;
    private final MispClient client;
    private final MispAlertMapper mapper;
    private final Deps deps;
    private final ConnectorContext context;
    private final HealthTracker health;
    private final int batchSize;

    public ServerImport(Source server, MispClient client, MispAlertMapper mapper, Deps deps,
                   ConnectorContext context, HealthTracker health, int batchSize) {
        this.server = server;
        this.client = client;
        this.mapper = mapper;
        this.deps = deps;
        this.context = context;
        this.health = health;
        this.batchSize = batchSize;
    }

    public void run(PartitionRun run) {
        List<Long> orgs = deps.organisations().all().stream().filter(o -> server.servesOrganisation(o.name()))
                .map(Organisation::id).toList();
        if (orgs.isEmpty()) {
            throw new IllegalStateException("no organisation of the hub receives alerts from " + server.name()
                    + " (see includedTheHiveOrganisations / excludedTheHiveOrganisations)");
        }
        try {
            health.serverOk(server.name(), client.version().version());
            String source = client.keyOrganisation().name();
            Instant since = context.checkpoint(run.partition()).map(v -> Instant.ofEpochSecond(Long.parseLong(v))).orElse(null);
            EventRun events = new EventRun(run, orgs);
            MispSearchResult result;
            try (ImportPipeline pipeline = new ImportPipeline("misp-import-" + server.name(), batchSize,
                    deps.store().writers(), run::stopRequested,
                    new ImportWriter(events))) {
                EventFetcher fetcher = new EventFetcher(events, client, pipeline, summary -> mapper.alert(summary, source));
                result = client.searchEvents(server.query(since), summary -> {
                    if (run.stopRequested()) throw new EventReader.Stopped();
                    fetcher.listed(summary);
                });
                fetcher.flush();
                pipeline.finish();
            }
            run.count("eventsSkippedTooLarge", result.skippedTooLarge());
        } catch (EventReader.Stopped stopped) {
            log.info("MISP sync of {} stopped by shutdown; it resumes from its checkpoint", server.name());
        } catch (RuntimeException e) {
            ServerStatus status = causedBy(e, HttpAuthException.class) ? ServerStatus.AUTH_ERROR : ServerStatus.ERROR;
            health.serverFailed(server.name(), status, FailureReason.of(e));
            throw e;
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) return true;
        }
        return false;
    }

    /** What the reading and the writing of events see of this run. */
    private final class EventRun implements EventFetcher.Run, ImportWriter.Run {
        private final PartitionRun run;
        private final List<Long> orgs;

        EventRun(PartitionRun run, List<Long> orgs) {
            this.run = run;
            this.orgs = orgs;
        }

        @Override public MispImportStore store() { return deps.store(); }
        @Override public ObservableTypes types() { return deps.types(); }
        @Override public AttachmentStore attachments() { return deps.attachments(); }
        @Override public MispClient client() { return client; }
        @Override public MispAlertMapper mapper() { return mapper; }
        @Override public String serverName() { return server.name(); }
        @Override public String actor() { return "misp:" + server.name(); }
        @Override public List<Long> organisations() { return orgs; }
        @Override public int batchSize() { return batchSize; }
        @Override public long now() { return context.clock().millis(); }
        @Override public boolean stopRequested() { return run.stopRequested(); }
        @Override public void count(String counter, long n) { run.count(counter, n); }
        @Override public void commitCheckpoint(String value) { context.commitCheckpoint(run.partition(), value); }

        @Override
        public void inTransaction(Runnable work) {
            context.transactions().executeWithoutResult(tx -> {
                deps.store().relaxCommit();
                work.run();
            });
        }
    }
}
