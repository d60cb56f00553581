package io.sightline.server.connectors.cortex;

import io.sightline.integrations.cortex.CortexClient;
import io.sightline.integrations.cortex.CortexErrorKind;
import io.sightline.integrations.cortex.CortexException;
import io.sightline.integrations.cortex.CortexJobReport;
import io.sightline.integrations.cortex.JobCheck;
import io.sightline.integrations.cortex.JobState;
import io.sightline.integrations.http.HttpStatusException;
import io.sightline.server.connectors.spi.PartitionRun;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Brings Cortex's results back. A job just sent is first watched with {@code waitreport} for one
 * refreshDelay ({@link #watch}); after that, one polling round per Cortex server runs every
 * {@code refreshDelay} on that server's own scheduler (so a slow or failing server never delays
 * the others):
 * <ol>
 *   <li>the due running jobs are checked with one {@code POST /api/job/status} per 100 jobs; the
 *       report of each job that ended is fetched and stored on a pool of fetcher threads (waiting
 *       on Cortex's answers, not on each other);</li>
 *   <li>queued jobs are sent while the server has free slots;</li>
 *   <li>running responder actions are checked the same way ({@link CortexActionPoller}).</li>
 * </ol>
 * Errors are counted per job: a job is failed after {@code maxRetryOnError} consecutive failed
 * polls, each retried later than the one before; a 429 is not an error, just a reason to wait.
 */
@Component
class CortexPoller {
    /** Jobs read per database query; a round goes on until no due job is left. */
    static final int PAGE = 500;
    private static final Logger log = LoggerFactory.getLogger(CortexPoller.class);

    private final CortexServers servers;
    private final CortexJobRepository jobs;
    private final CortexOutcomes outcomes;
    private final CortexSubmitter submitter;
    private final CortexActionPoller actions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ExecutorService reportFetchers = Executors.newFixedThreadPool(16, r -> {
        Thread t = new Thread(r, "cortex-report-fetch");
        t.setDaemon(true);
        return t;
    });

    /** Long polls of jobs just sent; when all are busy, new jobs are left to the batch poller. */
    private final ThreadPoolExecutor watchers = new ThreadPoolExecutor(32, 32, 1, TimeUnit.MINUTES,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "cortex-job-watch");
                t.setDaemon(true);
                return t;
            });

    CortexPoller(CortexServers servers, CortexJobRepository jobs, CortexOutcomes outcomes, CortexSubmitter submitter,
                 CortexActionPoller actions, JdbcClient jdbc, Clock clock) {
        this.servers = servers;
        this.jobs = jobs;
        this.outcomes = outcomes;
        this.submitter = submitter;
        this.actions = actions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static String partition(String server) {
        return "jobs:" + server;
    }

    static String theHiveStatus(JobState state) {
        if (state == null) return CortexJobRecord.WAITING;
        return switch (state) {
            case IN_PROGRESS -> CortexJobRecord.IN_PROGRESS;
            case SUCCESS -> CortexJobRecord.SUCCESS;
            case FAILURE, NOT_FOUND -> CortexJobRecord.FAILURE;
            case DELETED -> CortexJobRecord.DELETED;
            default -> CortexJobRecord.WAITING;
        };
    }

    /** One round; throws after doing all it could when the server failed, so the health shows it. */
    void poll(String server, PartitionRun run) {
        CortexException failure = null;
        long roundStart = clock.millis();
        List<CortexJobRecord> due;
        do {
            due = jobs.duePolls(server, roundStart, PAGE);
            if (due.isEmpty()) break;
            try {
                check(server, due, roundStart);
            } catch (CortexException e) {
                failure = e;
                break;
            }
        } while (due.size() == PAGE && !run.stopRequested());
        submitQueued(server, roundStart, run);
        if (failure == null) {
            try {
                actions.poll(server, roundStart);
            } catch (CortexException e) {
                failure = e;
            }
        }
        if (log.isDebugEnabled()) log.debug("Cortex {}: polling round took {} ms", server, clock.millis() - roundStart);
        if (failure != null) throw failure;
    }

    private void check(String server, List<CortexJobRecord> due, long roundStart) {
        CortexClient client = servers.client(server);
        Map<String, JobCheck> checks;
        try {
            checks = client.statuses(due.stream().map(CortexJobRecord::cortexJobId).toList());
        } catch (CortexException e) {
            for (CortexJobRecord job : due) pollFailed(job, e);
            throw e;
        }
        long now = clock.millis();
        // from the round's start, so the job is due again by the next round (which starts refreshDelay after this one ends)
        long next = roundStart + servers.settings().refreshDelay().toMillis();
        List<Long> unchanged = new ArrayList<>();
        List<CortexJobRecord> ended = new ArrayList<>();
        for (CortexJobRecord job : due) {
            JobCheck check = checks.get(job.cortexJobId());
            JobState state = check == null ? JobState.NOT_FOUND : check.state();
            switch (state) {
                case SUCCESS, FAILURE -> ended.add(job);
                case DELETED -> outcomes.deleted(job);
                case NOT_FOUND -> outcomes.failed(job, "Cortex " + server + " does not know job " + job.cortexJobId()
                        + " any more (NotFound): it was removed, or the API key now belongs to another organisation");
                case ERROR -> pollFailed(job, "Cortex " + server + " could not read the job's status: " + check.error());
                default -> {
                    if (overdue(job, now)) {
                        outcomes.failed(job, "No result from Cortex " + server + " after "
                                + servers.settings().jobTimeout().toMinutes() + " minutes (cortex.jobTimeout)");
                    } else if (!theHiveStatus(state).equals(job.status()) || job.errorCount() > 0) {
                        jobs.progressed(job.id(), theHiveStatus(state), state == JobState.IN_PROGRESS ? now : null, next, now);
                    } else {
                        unchanged.add(job.id());
                    }
                }
            }
        }
        if (!unchanged.isEmpty()) {
            jdbc.sql("UPDATE cortex_job SET next_poll_at = :next WHERE id IN (:ids)")
                    .param("next", next).param("ids", unchanged).update();
        }
        fetchReports(client, ended, now);
    }

    /**
     * Fetches and stores the reports of ended jobs on the fetcher threads without waiting, so
     * that the next round is not delayed by this one's reports. The jobs' next poll is pushed
     * back first, so a later round does not fetch them again; if this instance dies meanwhile,
     * they are simply polled again then.
     */
    private void fetchReports(CortexClient client, List<CortexJobRecord> ended, long now) {
        if (ended.isEmpty()) return;
        long later = now + Math.max(servers.settings().refreshDelay().toMillis() * 10, 5_000);
        jdbc.sql("UPDATE cortex_job SET next_poll_at = :later WHERE id IN (:ids)")
                .param("later", later).param("ids", ended.stream().map(CortexJobRecord::id).toList()).update();
        for (CortexJobRecord job : ended) {
            try {
                reportFetchers.execute(() -> fetchReport(client, job));
            } catch (RejectedExecutionException stopping) {
                return; // shutting down: the job is polled again after the restart
            }
        }
    }

    private void fetchReport(CortexClient client, CortexJobRecord job) {
        try {
            CortexJobReport r = client.report(job.cortexJobId());
            if (r.report().isPresent()) outcomes.ended(job, r.job(), r.report().get());
            else pollFailed(job, "Cortex said the job ended but sent no report (status " + r.status() + ")");
        } catch (CortexException e) {
            pollFailed(job, e);
        } catch (RuntimeException e) {
            log.warn("Cortex {}: could not store the report of job {}; it will be fetched again: {}", job.serverName(),
                    job.cortexJobId(), e.toString());
        }
    }

    /**
     * Waits for a job just sent with Cortex's {@code waitreport} for up to one refreshDelay, so a
     * short job's report is stored as soon as it ends, at the cost of one request. A job still
     * running after that (or any failure) is left to the batch poller.
     *
     * @return false when every watcher is busy; the batch poller then takes the job at once
     */
    boolean watch(CortexJobRecord job, String cortexJobId) {
        try {
            watchers.execute(() -> waitFor(job, cortexJobId));
            return true;
        } catch (RejectedExecutionException busy) {
            return false;
        }
    }

    private void waitFor(CortexJobRecord job, String cortexJobId) {
        try {
            CortexJobReport r = servers.client(job.serverName()).waitReport(cortexJobId, servers.settings().refreshDelay());
            if (r.status() != null && r.status().hasReport() && r.report().isPresent()) {
                outcomes.ended(job, r.job(), r.report().get());
                return;
            }
        } catch (CortexException e) {
            log.debug("Cortex {}: waiting for job {} failed, the poller takes over: {}", job.serverName(), cortexJobId,
                    e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Cortex {}: waiting for job {} failed, the poller takes over: {}", job.serverName(), cortexJobId,
                    e.toString());
        }
        jobs.dueNow(job.id(), clock.millis());
    }

    private void submitQueued(String server, long now, PartitionRun run) {
        List<CortexJobRecord> queued = jobs.dueSubmissions(server, now, PAGE);
        for (CortexJobRecord job : queued) {
            if (run.stopRequested()) return;
            if (!submitter.trySubmit(job)) {
                // no free slot left (or another instance took it); try again next round
                if (jobs.find(job.id()).map(j -> j.phase() == JobPhase.QUEUED).orElse(false)) return;
            }
        }
    }

    private void pollFailed(CortexJobRecord job, CortexException e) {
        if (e.kind() == CortexErrorKind.RATE_LIMITED) {
            Duration wait = e.httpFailure().filter(HttpStatusException.class::isInstance)
                    .flatMap(h -> ((HttpStatusException) h).retryAfter()).orElse(servers.settings().refreshDelay());
            long now = clock.millis();
            jobs.pollFailed(job.id(), false, e.getMessage(), now + wait.toMillis(), now);
            return;
        }
        pollFailed(job, e.getMessage());
    }

    private void pollFailed(CortexJobRecord job, String error) {
        int errors = job.errorCount() + 1;
        if (errors > servers.settings().maxRetryOnError()) {
            outcomes.failed(job, "Polling Cortex " + job.serverName() + " failed " + errors + " times in a row: " + error);
            return;
        }
        long now = clock.millis();
        jobs.pollFailed(job.id(), true, error, now + submitter.backoff(errors).toMillis(), now);
    }

    private boolean overdue(CortexJobRecord job, long now) {
        long since = job.submittedAt() != null ? job.submittedAt() : job.createdAt();
        return now - since > servers.settings().jobTimeout().toMillis();
    }

    void shutdown() {
        watchers.shutdownNow();
        reportFetchers.shutdownNow();
    }
}
