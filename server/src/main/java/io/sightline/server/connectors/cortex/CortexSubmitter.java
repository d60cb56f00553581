package io.sightline.server.connectors.cortex;

import io.sightline.integrations.cortex.CortexClient;
import io.sightline.integrations.cortex.CortexErrorKind;
import io.sightline.integrations.cortex.CortexException;
import io.sightline.integrations.cortex.CortexJob;
import io.sightline.integrations.cortex.JobRequest;
import io.sightline.integrations.http.HttpStatusException;
import io.sightline.server.alerts.AlertRepository;
import io.sightline.server.cases.CaseRepository;
import io.sightline.server.attachments.AttachmentStore;
import io.sightline.server.observables.ObservableRecord;
import io.sightline.server.observables.ObservableRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends queued jobs to Cortex, never more at once per server than its {@code maxConcurrentJobs}
 * (the rest stay queued, status Waiting). A refused or failed submission is handled per job:
 * rate limits wait for Retry-After, transient errors are retried with backoff up to
 * {@code maxRetryOnError}, and what Cortex refuses for good (unknown analyzer, bad request)
 * fails the job with Cortex's message.
 */
@Component
class CortexSubmitter {
    /** How long a hub instance owns a job it is sending; after that another may send it. */
    static final Duration CLAIM = Duration.ofMinutes(2);
    /** Extra time a watched job is left to its watcher: the wait's own request may take longer than refreshDelay. */
    static final Duration WATCH_MARGIN = Duration.ofSeconds(2);

    private final CortexServers servers;
    private final CortexJobRepository jobs;
    private final CortexOutcomes outcomes;
    private final ObservableRepository observables;
    private final CaseRepository cases;
    private final AlertRepository alerts;
    private final AttachmentStore attachments;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, Object> slotLocks = new ConcurrentHashMap<>();
    private volatile Consumer<String> onEndedAtOnce = server -> { };
    private volatile BiPredicate<CortexJobRecord, String> watcher = (job, cortexJobId) -> false;

    CortexSubmitter(CortexServers servers, CortexJobRepository jobs, CortexOutcomes outcomes, ObservableRepository observables,
                    CaseRepository cases, AlertRepository alerts, AttachmentStore attachments, JsonMapper json, Clock clock) {
        this.servers = servers;
        this.jobs = jobs;
        this.outcomes = outcomes;
        this.observables = observables;
        this.cases = cases;
        this.alerts = alerts;
        this.attachments = attachments;
        this.json = json;
        this.clock = clock;
    }

    /** Called with the server name when Cortex answers a submission with a finished job (its cache). */
    void onEndedAtOnce(Consumer<String> listener) {
        this.onEndedAtOnce = listener;
    }

    /** Called with each job just sent; true when it watches the job for a while (see {@link CortexPoller#watch}). */
    void watchWith(BiPredicate<CortexJobRecord, String> value) {
        this.watcher = value;
    }

    /** Sends the job if its server has a free slot and nobody else is sending it; returns whether it was taken. */
    boolean trySubmit(CortexJobRecord job) {
        CortexSettings.Server server = servers.byName(job.serverName());
        if (server == null) return false;
        long now = clock.millis();
        synchronized (slotLocks.computeIfAbsent(server.name(), k -> new Object())) {
            if (server.maxConcurrentJobs() > 0 && jobs.activeOn(server.name()) >= server.maxConcurrentJobs()) return false;
            if (!jobs.claim(job.id(), now, now + CLAIM.toMillis())) return false;
        }
        send(job, server);
        return true;
    }

    private void send(CortexJobRecord job, CortexSettings.Server server) {
        Optional<ObservableRecord> found = observables.findById(job.orgId(), job.observableId());
        if (found.isEmpty()) {
            outcomes.failed(job, "The observable was deleted before the job could be sent to Cortex");
            return;
        }
        ObservableRecord observable = found.get();
        CortexClient client = servers.client(server.name());
        try {
            CortexJob sent = run(client, job, observable);
            long now = clock.millis();
            boolean ended = sent.status() != null && sent.status().isTerminal();
            String analyzerId = sent.workerId() != null ? sent.workerId() : sent.analyzerId();
            // a watched job is left alone by the poller until its watch ends, which makes it due at once
            long watchFor = ended ? 0 : servers.settings().refreshDelay().plus(WATCH_MARGIN).toMillis();
            jobs.submitted(job.id(), sent.id(), analyzerId, sent.analyzer() != null ? sent.analyzer() : job.analyzerName(),
                    CortexPoller.theHiveStatus(sent.status()), sent.isFromCache(), sent.startDate(), now + watchFor, now);
            servers.health().count(CortexPoller.partition(server.name()), "submitted", 1);
            if (ended) onEndedAtOnce.accept(server.name());
            else if (!watcher.test(job, sent.id())) jobs.dueNow(job.id(), now);
        } catch (CortexException e) {
            refused(job, server, e);
        } catch (RuntimeException e) {
            requeueOrFail(job, server, "Could not send the job: " + e);
        }
    }

    private CortexJob run(CortexClient client, CortexJobRecord job, ObservableRecord o) {
        Map<String, Object> parameters = json.readValue(job.parameters(), new TypeReference<Map<String, Object>>() { });
        int pap = o.pap();
        String message = "";
        if (o.caseId() != null) {
            var c = cases.findInOrganisation(o.orgId(), o.caseId());
            if (c.isPresent()) {
                pap = c.get().pap();
                message = Long.toString(c.get().number());
            }
        } else if (o.alertId() != null) {
            var a = alerts.findById(o.orgId(), o.alertId());
            if (a.isPresent()) pap = a.get().pap();
        }
        int tlp = Math.min(3, Math.max(0, o.tlp()));
        pap = Math.min(3, Math.max(0, pap));
        if (o.attachment() != null) {
            Path file = attachments.file(o.attachment()).orElseThrow(() -> new IllegalStateException(
                    "the file of observable " + o.attachment().name() + " is missing from the attachment store"));
            JobRequest request = JobRequest.forFile().withTlp(tlp).withPap(pap).withMessage(message).withParameters(parameters);
            return client.runOnFile(job.analyzerRef(), request, file, o.attachment().name(), o.attachment().contentType());
        }
        JobRequest request = new JobRequest(o.dataType(), o.data(), tlp, pap, message, parameters, null, false);
        return client.run(job.analyzerRef(), request);
    }

    private void refused(CortexJobRecord job, CortexSettings.Server server, CortexException e) {
        String cortexSays = e.cortexMessage().orElse(e.getMessage());
        if (e.kind() == CortexErrorKind.NOT_FOUND || e.kind() == CortexErrorKind.BAD_REQUEST) {
            outcomes.failed(job, "Cortex " + server.name() + " refused the job: " + cortexSays);
            return;
        }
        if (e.kind() == CortexErrorKind.RATE_LIMITED) {
            // the server said when to come back: the job keeps its place, no error is counted
            Duration wait = e.httpFailure().filter(HttpStatusException.class::isInstance)
                    .flatMap(h -> ((HttpStatusException) h).retryAfter()).orElse(backoff(job.attempts() + 1));
            long now = clock.millis();
            jobs.requeued(job.id(), false, "Rate limited by Cortex " + server.name() + ": " + cortexSays,
                    now + Math.max(wait.toMillis(), 100), now);
            servers.health().count(CortexPoller.partition(server.name()), "rateLimited", 1);
            return;
        }
        requeueOrFail(job, server, e.getMessage());
    }

    private void requeueOrFail(CortexJobRecord job, CortexSettings.Server server, String error) {
        int errors = job.errorCount() + 1;
        if (errors > servers.settings().maxRetryOnError()) {
            outcomes.failed(job, "Could not send the job to Cortex " + server.name() + " (" + errors + " failed attempts): "
                    + error);
            return;
        }
        long now = clock.millis();
        jobs.requeued(job.id(), true, error, now + backoff(errors).toMillis(), now);
    }

    /** refreshDelay doubled per failure, at most 5 minutes. */
    Duration backoff(int failures) {
        Duration d = servers.settings().refreshDelay();
        for (int i = 1; i < failures && d.compareTo(Duration.ofMinutes(5)) < 0; i++) d = d.multipliedBy(2);
        return d.compareTo(Duration.ofMinutes(5)) < 0 ? d : Duration.ofMinutes(5);
    }
}
