package io.sightline.server.connectors.cortex;

import io.sightline.integrations.cortex.CortexAnalyzer;
import io.sightline.integrations.cortex.CortexErrorKind;
import io.sightline.integrations.cortex.CortexException;
import io.sightline.server.audit.AuditBatch;
import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.common.Ids;
import io.sightline.server.core.DomainException;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import io.sightline.server.observables.ObservableRecord;
import io.sightline.server.observables.ObservableService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs analyzers on observables for API callers: checks the request, persists the job (status
 * Waiting), then sends it at once when the server has a free slot; otherwise the poller sends
 * it later. The caller gets the job either way; Cortex's answer arrives through polling.
 */
@Service
public class CortexJobService {
    private final CortexServers servers;
    private final CortexJobRepository jobs;
    private final CortexSubmitter submitter;
    private final ObservableService observables;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    CortexJobService(CortexServers servers, CortexJobRepository jobs, CortexSubmitter submitter, ObservableService observables,
                     AuditLog audit, TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.servers = servers;
        this.jobs = jobs;
        this.submitter = submitter;
        this.observables = observables;
        this.audit = audit;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Checks the request and the caller's rights, stores the job and sends it when the server has
     * room. As in TheHive the job API is asynchronous: a Cortex or analyzer that is not there is
     * not refused but stored as a job that ended in Failure with the reason, shown on the observable.
     */
    public CortexJobRecord create(Principal p, NewCortexJob job) {
        p.require(Permission.MANAGE_ANALYZE);
        String analyzerRef = job.analyzerId();
        ObservableRecord observable = observables.get(p, job.observableId());
        String paramJson = parameters(p, job);
        Target target = target(p, job);
        long now = clock.millis();
        Long id = transactions.execute(tx -> {
            long created = target.refusal() == null
                    ? jobs.insert(p.orgId(), observable.id(), target.server(), analyzerRef, target.analyzerName(), paramJson,
                            p.login(), now)
                    : jobs.insertFailed(p.orgId(), observable.id(), target.server(), analyzerRef, paramJson,
                            failureReport(target.refusal()), target.refusal(), p.login(), now);
            audit.record(p, "create", "job", Ids.format(created), null, Map.of("analyzerName", target.analyzerName(),
                    "cortexId", target.server(), "objectType", "Observable", "objectId", Ids.format(observable.id()),
                    "status", target.refusal() == null ? CortexJobRecord.WAITING : CortexJobRecord.FAILURE));
            return created;
        });
        if (target.refusal() == null) submitter.trySubmit(jobs.find(id).orElseThrow());
        return jobs.find(id).orElseThrow();
    }

    /** Where a job goes: the server and the analyzer's name there, or why it cannot run ({@code refusal}). */
    private record Target(String server, String analyzerName, String refusal) {}

    private Target target(Principal p, NewCortexJob job) {
        String analyzerRef = job.analyzerId();
        if (job.cortexName() == null) {
            Optional<CortexSettings.Server> having = serverHaving(analyzerRef, p);
            if (having.isEmpty()) return new Target("", analyzerRef, "Analyzer " + analyzerRef + " not found in any Cortex server");
            return resolve(having.get(), analyzerRef);
        }
        if (servers.usableBy(p.orgName()).stream().noneMatch(s -> s.name().equals(job.cortexName()))) {
            return new Target(job.cortexName(), analyzerRef, "Cortex " + job.cortexName() + " not found");
        }
        return resolve(servers.server(job.cortexName(), p.orgName()), analyzerRef);
    }

    private String parameters(Principal p, NewCortexJob job) {
        ObjectNode params = job.parameters() == null ? json.createObjectNode() : (ObjectNode) json.readTree(job.parameters());
        params.put("organisation", p.orgName());
        params.put("user", p.login());
        String paramJson = json.writeValueAsString(params);
        if (paramJson.length() > 100_000) throw new Invalid("Field parameters of job is larger than 100,000 characters");
        return paramJson;
    }

    private String failureReport(String reason) {
        ObjectNode report = json.createObjectNode();
        report.put("errorMessage", reason);
        report.put("success", false);
        return report.toString();
    }

    public CortexJobRecord get(Principal p, String id) {
        p.require(Permission.READ);
        return jobs.findVisible(p, Ids.parse(id, "Job")).orElseThrow(() -> new NotFound("Job " + id + " not found"));
    }

    /** Jobs of one observable, newest first. */
    public List<CortexJobRecord> ofObservable(Principal p, String observableId) {
        ObservableRecord o = observables.get(p, observableId);
        return jobs.ofObservable(p.orgId(), o.id());
    }

    /**
     * Jobs of several observables the caller has read (a page of a table), by observable id, newest
     * first, with one query; only jobs of the caller's organisation.
     */
    public Map<Long, List<CortexJobRecord>> ofObservables(Principal p, List<ObservableRecord> read) {
        p.require(Permission.READ);
        return jobs.ofObservables(p.orgId(), read.stream().filter(o -> o.orgId() == p.orgId()).map(ObservableRecord::id).toList());
    }

    /** The analyzer of each job run on the observables of a case the caller can read, by job id. */
    public java.util.Map<Long, String> analyzersOfCase(Principal p, long caseId) {
        p.require(Permission.READ);
        return jobs.analyzersOfCase(p.orgId(), caseId);
    }

    /**
     * Re-points the jobs run on observables of a case that others of it absorbed (a case merge;
     * absorbed observable id to the absorbing one's), so that they show on the observable kept;
     * each audited as an update of the observable it ran on.
     */
    @Transactional
    public void moveToObservables(Principal p, Map<Long, Long> keptByAbsorbed, long caseId) {
        p.require(Permission.MANAGE_CASE);
        AuditBatch entries = audit.batch(p.orgId(), caseId, p.login(), "update", "job", clock.millis());
        jobs.moveToObservables(p.orgId(), keptByAbsorbed).forEach((job, from) -> entries.add(Ids.format(job),
                Map.of("objectId", Ids.format(from)), Map.of("objectId", Ids.format(keptByAbsorbed.get(from)))));
        audit.write(entries);
    }

    /** The observable a job ran on (for the {@code case_artifact} field). */
    public Optional<ObservableRecord> observableOf(Principal p, CortexJobRecord job) {
        try {
            return Optional.of(observables.get(p, Ids.format(job.observableId())));
        } catch (DomainException gone) {
            return Optional.empty();
        }
    }

    /**
     * The analyzer's name on that server (the key of the observable's reports), or the refusal
     * when Cortex does not know it; an unreachable server does not stop the job from being queued.
     */
    private Target resolve(CortexSettings.Server server, String analyzerRef) {
        String notThere = "Analyzer " + analyzerRef + " not found in Cortex " + server.name()
                + " (it must be enabled in the Cortex organisation of the API key)";
        try {
            Optional<CortexAnalyzer> found = servers.client(server.name()).findAnalyzer(analyzerRef);
            return found.map(a -> new Target(server.name(), a.name(), null))
                    .orElseGet(() -> new Target(server.name(), analyzerRef, notThere));
        } catch (CortexException e) {
            if (e.kind() == CortexErrorKind.NOT_FOUND) return new Target(server.name(), analyzerRef, notThere);
            return new Target(server.name(), analyzerRef, null);
        }
    }

    /** Without cortexId: the first usable server that has the analyzer. */
    private Optional<CortexSettings.Server> serverHaving(String analyzerRef, Principal p) {
        for (CortexSettings.Server s : servers.usableBy(p.orgName())) {
            try {
                if (servers.client(s.name()).findAnalyzer(analyzerRef).isPresent()) return Optional.of(s);
            } catch (CortexException unreachable) {
                // try the next server
            }
        }
        return Optional.empty();
    }
}
