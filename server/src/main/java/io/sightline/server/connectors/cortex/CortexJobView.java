package io.sightline.server.connectors.cortex;

import io.sightline.server.common.Ids;
import io.sightline.server.observables.ObservableRecord;
import io.sightline.server.observables.ObservableView;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A job in TheHive's shape ({@code case_artifact_job}: analyzerId, analyzerName, status,
 * startDate, endDate, cortexId, cortexJobId, report, operations), plus what Sightline knows
 * beyond it: the observable id, the error message, and the attempts and errors counted so far.
 */
final class CortexJobView {
    private CortexJobView() {}

    static Map<String, Object> of(CortexJobRecord j, ObservableRecord observable, JsonMapper json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("_id", Ids.format(j.id()));
        m.put("id", Ids.format(j.id()));
        m.put("_type", "case_artifact_job");
        m.put("_createdBy", j.createdBy());
        m.put("_createdAt", j.createdAt());
        if (j.updatedAt() != null) {
            m.put("_updatedBy", j.updatedBy() != null ? j.updatedBy() : "cortex:" + j.serverName());
            m.put("_updatedAt", j.updatedAt());
        }
        m.put("analyzerId", j.analyzerId() != null ? j.analyzerId() : j.analyzerRef());
        m.put("analyzerName", j.analyzerName());
        m.put("analyzerDefinition", j.analyzerName());
        m.put("status", j.status());
        m.put("startDate", j.startDate() != null ? j.startDate() : j.createdAt());
        if (j.endDate() != null) m.put("endDate", j.endDate());
        m.put("cortexId", j.serverName());
        if (j.cortexJobId() != null) m.put("cortexJobId", j.cortexJobId());
        if (j.report() != null) m.put("report", json.readTree(j.report()));
        m.put("operations", "[]");
        if (j.errorMessage() != null) m.put("errorMessage", j.errorMessage());
        m.put("observableId", Ids.format(j.observableId()));
        m.put("fromCache", j.fromCache());
        m.put("attempts", j.attempts());
        m.put("errorCount", j.errorCount());
        if (j.lastError() != null) m.put("lastError", j.lastError());
        if (!j.isFinished()) m.put("queued", j.phase() == JobPhase.QUEUED);
        if (j.submittedAt() != null) m.put("submittedAt", j.submittedAt());
        if (j.finishedAt() != null) m.put("finishedAt", j.finishedAt());
        if (observable != null) m.put("case_artifact", ObservableView.of(observable));
        return m;
    }
}
