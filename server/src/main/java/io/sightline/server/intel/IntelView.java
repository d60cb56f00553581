package io.sightline.server.intel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON shapes of the intel API; dates in epoch milliseconds as elsewhere in the hub. */
public final class IntelView {
    private IntelView() {}

    public static List<Map<String, Object>> sightings(List<IntelSighting> sightings) {
        return sightings.stream().map(IntelView::sighting).toList();
    }

    static Map<String, Object> sighting(IntelSighting s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stixId", s.stixId());
        m.put("type", s.type());
        m.put("name", s.name());
        m.put("revoked", s.revoked());
        m.put("modified", s.modified());
        m.put("source", s.source());
        m.put("reportId", s.reportId());
        m.put("reportName", s.reportName());
        m.put("dossierId", s.dossierId());
        m.put("dossierName", s.dossierName());
        return m;
    }
}
