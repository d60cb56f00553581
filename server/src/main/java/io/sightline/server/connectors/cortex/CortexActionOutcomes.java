package io.sightline.server.connectors.cortex;

import io.sightline.integrations.cortex.CortexJob;
import io.sightline.integrations.cortex.CortexReport;
import io.sightline.integrations.cortex.JobState;
import io.sightline.server.audit.AuditLog;
import io.sightline.server.common.Ids;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores how an action ended (status, report, audit entry, in one transaction), then, on
 * success, applies the report's operations ({@link ActionOperations}) and stores each one's
 * outcome. Only the instance whose update ended the action applies them, so they run once.
 */
@Component
class CortexActionOutcomes {
    private final CortexActionRepository actions;
    private final ActionOperations operations;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    CortexActionOutcomes(CortexActionRepository actions, ActionOperations operations, AuditLog audit,
                         TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.actions = actions;
        this.operations = operations;
        this.audit = audit;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    static String failureReport(JsonMapper json, String reason) {
        ObjectNode report = json.createObjectNode();
        report.put("errorMessage", reason);
        report.put("success", false);
        return report.toString();
    }

    /** A Success or Failure responder job with its report as Cortex sent it. */
    void ended(CortexActionRecord action, CortexJob job, CortexReport report) {
        boolean success = job.status() == JobState.SUCCESS && report.success();
        String status = success ? CortexJobRecord.SUCCESS : CortexJobRecord.FAILURE;
        String error = success ? null : report.errorMessage() != null ? report.errorMessage()
                : job.errorMessage() != null ? job.errorMessage() : "Cortex reported the action as " + job.status().cortexName();
        String stored = json.writeValueAsString(report.raw());
        if (stored.length() > CortexOutcomes.MAX_REPORT_CHARS) {
            stored = failureReport(json, "The report had " + stored.length() + " characters; read it in Cortex");
        }
        if (!end(action, status, stored, error, job.startDate(), job.endDate())) return;
        if (success) {
            List<JsonNode> requested = report.operations();
            actions.operationsApplied(action.id(), json.writeValueAsString(operations.apply(action, requested)));
        }
    }

    /** Ends an action with Sightline's own reason (Cortex unreachable too long, job unknown or deleted). */
    void failed(CortexActionRecord action, String status, String reason) {
        end(action, status, failureReport(json, reason), reason, null, null);
    }

    private boolean end(CortexActionRecord action, String status, String report, String error, Long startDate, Long endDate) {
        long now = clock.millis();
        String by = "cortex:" + action.serverName();
        Boolean ended = transactions.execute(tx -> {
            if (!actions.finish(action.id(), status, report, error, startDate, endDate != null ? endDate : now, by, now)) {
                return false;
            }
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("status", status);
            after.put("objectType", action.objectType().theHiveName);
            after.put("objectId", Ids.format(action.objectId()));
            audit.record(action.orgId(), by, "update", "action", Ids.format(action.id()), null, after);
            return true;
        });
        return Boolean.TRUE.equals(ended);
    }
}
