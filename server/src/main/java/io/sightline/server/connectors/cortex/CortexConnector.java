package io.sightline.server.connectors.cortex;

import io.sightline.server.connectors.spi.Connector;
import io.sightline.server.connectors.spi.ConnectorContext;
import io.sightline.server.connectors.spi.HealthTracker;
import io.sightline.server.connectors.spi.PartitionScheduler;
import io.sightline.server.connectors.spi.SchedulePolicy;
import io.sightline.server.connectors.spi.ServerHealth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Cortex connector on the hub's runtime. Per configured server: a status check on every hub
 * instance ({@code statusCheckInterval}: version, then key, shown in {@code /api/status}) and a
 * job poller ({@code refreshDelay}) on its own thread, run by one instance at a time. Jobs live
 * in the database, so on start polling simply resumes where the previous run stopped.
 */
@Component
public class CortexConnector implements Connector {
    public static final String NAME = "cortex";
    private static final Logger log = LoggerFactory.getLogger(CortexConnector.class);

    private final CortexServers servers;
    private final CortexPoller poller;
    private final CortexSubmitter submitter;
    private final CortexJobRepository jobs;
    private final CortexOutcomes outcomes;
    private final CortexActionPoller actions;
    private final Map<String, PartitionScheduler> jobSchedulers = new ConcurrentHashMap<>();

    CortexConnector(CortexServers servers, CortexPoller poller, CortexSubmitter submitter, CortexJobRepository jobs,
                    CortexOutcomes outcomes, CortexActionPoller actions) {
        this.servers = servers;
        this.poller = poller;
        this.submitter = submitter;
        this.jobs = jobs;
        this.outcomes = outcomes;
        this.actions = actions;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HealthTracker health() {
        return servers.health();
    }

    @Override
    public void start(ConnectorContext context) {
        CortexSettings settings = servers.settings();
        failJobsOfRemovedServers();
        for (CortexSettings.Server server : servers.all()) {
            String name = server.name();
            // every instance checks for itself: the status it shows is its own view of the server
            context.repeat("status check of Cortex " + name, settings.statusCheckInterval(), () -> servers.check(name));
            PartitionScheduler polling = context.scheduler(SchedulePolicy.every(settings.refreshDelay()), run -> poller.poll(name, run));
            polling.addPartition(CortexPoller.partition(name)).start();
            jobSchedulers.put(name, polling);
        }
        submitter.onEndedAtOnce(this::pollNow);
        submitter.watchWith(poller::watch);
        log.info("Cortex connector: {} server(s), polling every {}, status every {}, {} errors tolerated per job",
                servers.all().size(), settings.refreshDelay(), settings.statusCheckInterval(), settings.maxRetryOnError());
    }

    /** Runs the server's poller as soon as its thread is free (e.g. a job Cortex answered from its cache). */
    void pollNow(String server) {
        PartitionScheduler s = jobSchedulers.get(server);
        if (s != null) s.triggerNow(CortexPoller.partition(server));
    }

    private void failJobsOfRemovedServers() {
        List<String> names = servers.all().stream().map(CortexSettings.Server::name).toList();
        for (CortexJobRecord job : jobs.unfinishedOutside(names)) {
            outcomes.failed(job, "Cortex server " + job.serverName() + " is no longer configured");
        }
        actions.failActionsOutside(names);
    }

    @Override
    public void stop() {
        poller.shutdown();
    }

    @Override
    public List<ServerHealth> testConnection() {
        List<ServerHealth> out = new ArrayList<>();
        for (CortexSettings.Server server : servers.all()) out.add(servers.check(server.name()));
        return out;
    }
}
