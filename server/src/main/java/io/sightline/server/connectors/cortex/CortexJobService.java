package io.sightline.server.connectors.cortex;

import io.sightline.integrations.cortex.CortexAnalyzer;
import io.sightline.integrations.cortex.CortexErrorKind;
import io.sightline.integrations.cortex.CortexException;
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

    /** Checks the request and the caller's rights, stores the job and sends it when the server has room. */
    public CortexJobRecord create(Principal p, NewCortexJob job) {
        p.require(Permission.MANAGE_ANALYZE);
        String analyzerRef = job.analyzerId();
        ObservableRecord observable = observables.get(p, job.observableId());
        CortexSettings.Server server = job.cortexName() != null ? servers.server(job.cortexName(), p.orgName())
                : serverHaving(analyzerRef, p);
        String analyzerName = resolveName(server, analyzerRef);
        ObjectNode params = job.parameters() == null ? json.createObjectNode() : (ObjectNode) json.readTree(job.parameters());
        params.put("organisation", p.orgName());
        params.put("user", p.login());
        String paramJson = json.writeValueAsString(params);
        if (paramJson.length() > 100_000) throw new Invalid("Field parameters of job is larger than 100,000 characters");
        long now = clock.millis();
        Long id = transactions.execute(tx -> {
            long created = jobs.insert(p.orgId(), observable.id(), server.name(), analyzerRef, analyzerName, paramJson,
                    p.login(), now);
            audit.record(p, "create", "job", Ids.format(created), null, Map.of("analyzerName", analyzerName,
                    "cortexId", server.name(), "objectType", "Observable", "objectId", Ids.format(observable.id())));
            return created;
        });
        submitter.trySubmit(jobs.find(id).orElseThrow());
        return jobs.find(id).orElseThrow();
    }

    public CortexJobRecord get(Principal p, String id) {
        p.require(Permission.READ);
        return jobs.find(p.orgId(), Ids.parse(id, "Job")).orElseThrow(() -> new NotFound("Job " + id + " not found"));
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

    /** The observable a job ran on (for the {@code case_artifact} field). */
    public Optional<ObservableRecord> observableOf(Principal p, CortexJobRecord job) {
        try {
            return Optional.of(observables.get(p, Ids.format(job.observableId())));
        } catch (DomainException gone) {
            return Optional.empty();
        }
    }

    /**
     * The analyzer's name on that server (the key of the observable's reports). Unknown to Cortex
     * is the caller's mistake (404); an unreachable server does not stop the job from being queued.
     */
    private String resolveName(CortexSettings.Server server, String analyzerRef) {
        try {
            Optional<CortexAnalyzer> found = servers.client(server.name()).findAnalyzer(analyzerRef);
            return found.map(CortexAnalyzer::name).orElseThrow(() -> new NotFound("Analyzer " + analyzerRef
                    + " not found in Cortex " + server.name() + " (it must be enabled in the Cortex organisation of the API key)"));
        } catch (CortexException e) {
            if (e.kind() == CortexErrorKind.NOT_FOUND) throw new NotFound("Analyzer " + analyzerRef + " not found");
            return analyzerRef;
        }
    }

    /** Without cortexId: the first usable server that has the analyzer. */
    private CortexSettings.Server serverHaving(String analyzerRef, Principal p) {
        for (CortexSettings.Server s : servers.usableBy(p.orgName())) {
            try {
                if (servers.client(s.name()).findAnalyzer(analyzerRef).isPresent()) return s;
            } catch (CortexException unreachable) {
                // try the next server
            }
        }
        throw new NotFound("Analyzer " + analyzerRef + " not found in any Cortex server");
    }
}
