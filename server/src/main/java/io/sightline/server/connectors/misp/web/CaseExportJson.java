package io.sightline.server.connectors.misp.web;

import io.sightline.server.connectors.misp.exporting.CaseExport;
import java.util.LinkedHashMap;
import java.util.Map;

/** The answer of {@code GET /api/v1/case/{id}/misp}: one entry per MISP event, its exports oldest first. */
final class CaseExportJson {
    private CaseExportJson() {}

    static Map<String, Object> of(CaseExport e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("server", e.server());
        m.put("eventId", e.eventId());
        m.put("eventUuid", e.eventUuid());
        if (e.url() != null) m.put("url", e.url());
        m.put("firstExportedAt", e.firstExportedAt());
        m.put("lastExportedAt", e.lastExportedAt());
        m.put("exports", e.runs().stream().map(CaseExportJson::of).toList());
        return m;
    }

    private static Map<String, Object> of(CaseExport.Run r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("exportedAt", r.at());
        m.put("exportedBy", r.by());
        m.put("createdEvent", r.createdEvent());
        m.put("attributesAdded", r.added());
        m.put("attributesDeleted", r.deleted());
        m.put("samplesUploaded", r.samples());
        m.put("skipped", r.skipped());
        return m;
    }
}
