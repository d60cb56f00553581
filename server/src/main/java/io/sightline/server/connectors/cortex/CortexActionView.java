package io.sightline.server.connectors.cortex;

import io.sightline.server.common.Ids;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * An action in TheHive's shape ({@code _type: "action"}: responderId, responderName,
 * responderDefinition, cortexId, cortexJobId, objectType, objectId, status, startDate, endDate,
 * operations as a JSON string, report), plus the error message and the last failed poll.
 * {@code operations} lists what the report asked for, each with its {@code status} and {@code message}.
 */
final class CortexActionView {
    private CortexActionView() {}

    static Map<String, Object> of(CortexActionRecord a, JsonMapper json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("_id", Ids.format(a.id()));
        m.put("id", Ids.format(a.id()));
        m.put("_type", "action");
        m.put("_createdBy", a.createdBy());
        m.put("_createdAt", a.createdAt());
        if (a.updatedAt() != null) {
            m.put("_updatedBy", a.updatedBy() != null ? a.updatedBy() : "cortex:" + a.serverName());
            m.put("_updatedAt", a.updatedAt());
        }
        m.put("responderId", a.responderId());
        m.put("responderName", a.responderName());
        m.put("responderDefinition", a.responderName());
        m.put("cortexId", a.serverName());
        if (a.cortexJobId() != null) m.put("cortexJobId", a.cortexJobId());
        m.put("objectType", a.objectType().theHiveName);
        m.put("objectId", Ids.format(a.objectId()));
        m.put("status", a.status());
        m.put("startDate", a.startDate() != null ? a.startDate() : a.createdAt());
        if (a.endDate() != null) m.put("endDate", a.endDate());
        m.put("operations", a.operations());
        m.put("report", a.report() != null ? json.readTree(a.report()) : Map.of());
        if (a.errorMessage() != null) m.put("errorMessage", a.errorMessage());
        if (a.lastError() != null) m.put("lastError", a.lastError());
        return m;
    }
}
