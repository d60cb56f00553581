package io.sightline.server.connectors.cortex;

import io.sightline.integrations.cortex.CortexJob;
import io.sightline.integrations.cortex.CortexReport;
import io.sightline.integrations.cortex.JobState;
import io.sightline.server.audit.AuditLog;
import io.sightline.server.common.Ids;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ends an action: on success the report's operations are applied first ({@link ActionOperations}),
 * then status, report, each operation's outcome and an audit entry are stored in one
 * transaction, so an action shown as ended has its operations done. Only the poller of the
 * action's server (one hub instance at a time) ends it; if that instance dies in between, the
 * next round applies the operations again, which leaves the same result (a tag is not added
 * twice, a closed task stays closed).
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
        String applied = success ? json.writeValueAsString(operations.apply(action, report.operations())) : "[]";
        end(action, status, stored, error, applied, job.startDate(), job.endDate());
    }

    /** Ends an action with Sightline's own reason (Cortex unreachable too long, job unknown or deleted). */
    void failed(CortexActionRecord action, String status, String reason) {
        end(action, status, failureReport(json, reason), reason, "[]", null, null);
    }

    private void end(CortexActionRecord action, String status, String report, String error, String operationsDone,
                     Long startDate, Long endDate) {
        long now = clock.millis();
        String by = "cortex:" + action.serverName();
        transactions.executeWithoutResult(tx -> {
            if (!actions.finish(action.id(), status, report, error, operationsDone, startDate, endDate != null ? endDate : now,
                    by, now)) {
                return;
            }
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("status", status);
            after.put("objectType", action.objectType().theHiveName);
            after.put("objectId", Ids.format(action.objectId()));
            audit.record(action.orgId(), by, "update", "action", Ids.format(action.id()), null, after);
        });
    }
}
