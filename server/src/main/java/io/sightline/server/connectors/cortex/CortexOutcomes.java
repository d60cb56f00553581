package io.sightline.server.connectors.cortex;

import io.sightline.integrations.cortex.CortexJob;
import io.sightline.integrations.cortex.CortexReport;
import io.sightline.integrations.cortex.JobState;
import io.sightline.integrations.cortex.Taxonomy;
import io.sightline.server.audit.AuditLog;
import io.sightline.server.common.Ids;
import io.sightline.server.observables.ObservableRepository;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores how a job ended, in one transaction: the job row (status, report, error) and, on
 * success, the analyzer's taxonomies in the observable's {@code reports} (replacing that
 * analyzer's previous ones; a failure leaves them alone), plus an audit entry.
 */
@Component
class CortexOutcomes {
    private static final Logger log = LoggerFactory.getLogger(CortexOutcomes.class);

    /** Largest report kept whole; the column holds 10 million characters. */
    static final int MAX_REPORT_CHARS = 9_000_000;

    private final CortexJobRepository jobs;
    private final ObservableRepository observables;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final CortexServers servers;
    private final Clock clock;

    CortexOutcomes(CortexJobRepository jobs, ObservableRepository observables, AuditLog audit,
                   TransactionTemplate transactions, JsonMapper json, CortexServers servers, Clock clock) {
        this.jobs = jobs;
        this.observables = observables;
        this.audit = audit;
        this.transactions = transactions;
        this.json = json;
        this.servers = servers;
        this.clock = clock;
    }

    /** A Success or Failure job with its report as Cortex sent it. */
    void ended(CortexJobRecord job, CortexJob cortexJob, CortexReport report) {
        boolean success = cortexJob.status() == JobState.SUCCESS && report.success();
        String status = success ? CortexJobRecord.SUCCESS : CortexJobRecord.FAILURE;
        String error = success ? null : firstNonBlank(report.errorMessage(), cortexJob.errorMessage(),
                "Cortex reported the job as " + cortexJob.status().cortexName() + " without an error message");
        String analyzer = cortexJob.analyzer() != null ? cortexJob.analyzer() : job.analyzerName();
        String stored = storable(report.raw());
        long now = clock.millis();
        transactions.executeWithoutResult(tx -> {
            if (!jobs.finish(job.id(), status, stored, error, analyzer, cortexJob.startDate(),
                    cortexJob.endDate() != null ? cortexJob.endDate() : now, now)) {
                return;
            }
            if (success) replaceTaxonomies(job, analyzer, report, now);
            auditEnd(job, status, now);
        });
        servers.health().count(CortexPoller.partition(job.serverName()), success ? "succeeded" : "failed", 1);
    }

    /** Ends a job with Sightline's own failure reason (Cortex unreachable too long, job unknown, timeout). */
    void failed(CortexJobRecord job, String reason) {
        ObjectNode report = json.createObjectNode();
        report.put("errorMessage", reason);
        report.put("success", false);
        end(job, CortexJobRecord.FAILURE, report.toString(), reason);
        servers.health().count(CortexPoller.partition(job.serverName()), "failed", 1);
        log.warn("Cortex job {} ({} on {}) failed: {}", Ids.format(job.id()), job.analyzerName(), job.serverName(), reason);
    }

    /** The job was deleted in Cortex: terminal, nothing more will come. */
    void deleted(CortexJobRecord job) {
        end(job, CortexJobRecord.DELETED, null, "The job was deleted in Cortex " + job.serverName());
        servers.health().count(CortexPoller.partition(job.serverName()), "deleted", 1);
    }

    private void end(CortexJobRecord job, String status, String report, String error) {
        long now = clock.millis();
        transactions.executeWithoutResult(tx -> {
            if (jobs.finish(job.id(), status, report, error, null, null, now, now)) auditEnd(job, status, now);
        });
    }

    private void replaceTaxonomies(CortexJobRecord job, String analyzer, CortexReport report, long now) {
        String current = observables.reportsForUpdate(job.observableId()).orElse(null);
        if (current == null) return; // observable deleted meanwhile
        ObjectNode reports = current.isBlank() ? json.createObjectNode() : (ObjectNode) json.readTree(current);
        ObjectNode entry = json.createObjectNode();
        ArrayNode taxonomies = entry.putArray("taxonomies");
        for (Taxonomy t : report.taxonomies()) {
            ObjectNode node = taxonomies.addObject();
            node.put("level", t.level().cortexName());
            node.put("namespace", t.namespace());
            node.put("predicate", t.predicate());
            node.put("value", t.value());
        }
        reports.set(analyzer, entry);
        observables.updateReports(job.observableId(), json.writeValueAsString(reports), job.createdBy(), now);
    }

    private void auditEnd(CortexJobRecord job, String status, long now) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", status);
        after.put("endDate", now);
        after.put("objectType", "Observable");
        after.put("objectId", Ids.format(job.observableId()));
        audit.record(job.orgId(), "cortex:" + job.serverName(), "update", "job", Ids.format(job.id()), null, after);
    }

    /** The report as received; a huge one keeps its summary and artifacts and says where the rest went. */
    private String storable(JsonNode raw) {
        String text = json.writeValueAsString(raw);
        if (text.length() <= MAX_REPORT_CHARS || !(raw instanceof ObjectNode object)) return text;
        ObjectNode trimmed = object.deepCopy();
        trimmed.remove("full");
        trimmed.put("fullOmitted", "The full report had " + text.length() + " characters, more than the "
                + MAX_REPORT_CHARS + " Sightline keeps; read it in Cortex");
        String out = json.writeValueAsString(trimmed);
        return out.length() <= MAX_REPORT_CHARS ? out : "{\"success\":" + object.path("success").asBoolean()
                + ",\"fullOmitted\":\"The report had " + text.length() + " characters; read it in Cortex\"}";
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v;
        return null;
    }
}
