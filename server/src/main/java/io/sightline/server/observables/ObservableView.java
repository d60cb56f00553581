package io.sightline.server.observables;

import io.sightline.server.attachments.AttachmentView;
import io.sightline.server.common.Ids;
import io.sightline.server.common.Pap;
import io.sightline.server.common.Tlp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** TheHive's OutputObservable shape. */
public final class ObservableView {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ObservableView() {}

    public static Map<String, Object> of(ObservableRecord o) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", Ids.format(o.id()));
        out.put("_type", "Observable");
        out.put("_createdBy", o.createdBy());
        out.put("_createdAt", o.createdAt());
        if (o.updatedBy() != null) out.put("_updatedBy", o.updatedBy());
        if (o.updatedAt() != null) out.put("_updatedAt", o.updatedAt());
        out.put("dataType", o.dataType());
        if (o.data() != null) out.put("data", o.data());
        out.put("startDate", o.startDate());
        if (o.attachment() != null) out.put("attachment", attachment(o));
        out.put("tlp", o.tlp());
        out.put("tlpLabel", Tlp.of(o.tlp()).label());
        out.put("pap", o.pap());
        out.put("papLabel", Pap.of(o.pap()).name());
        out.put("tags", o.tags());
        out.put("ioc", o.ioc());
        out.put("sighted", o.sighted());
        out.put("reports", JSON.readTree(o.reports()));
        if (o.message() != null) out.put("message", o.message());
        out.put("ignoreSimilarity", o.ignoreSimilarity());
        if (o.caseId() != null) out.put("caseId", Ids.format(o.caseId()));
        if (o.alertId() != null) out.put("alertId", Ids.format(o.alertId()));
        out.put("extraData", Map.of());
        return out;
    }

    public static Map<String, Object> withSeenIn(ObservableRecord o, List<ObservableRepository.Sighting> seen) {
        Map<String, Object> out = of(o);
        List<Map<String, Object>> list = sightings(seen);
        out.put("seenIn", list);
        out.put("extraData", Map.of("seen", Map.of("count", list.size(), "ioc", seen.stream().anyMatch(ObservableRepository.Sighting::ioc))));
        return out;
    }

    public static List<Map<String, Object>> sightings(List<ObservableRepository.Sighting> seen) {
        return seen.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("caseId", Ids.format(s.caseId()));
            m.put("caseNumber", s.caseNumber());
            m.put("caseTitle", s.caseTitle());
            m.put("observableId", Ids.format(s.observableId()));
            m.put("ioc", s.ioc());
            return m;
        }).toList();
    }

    /** TheHive's OutputAttachment of the observable's file, added with the observable. */
    static Map<String, Object> attachment(ObservableRecord o) {
        return AttachmentView.of(o.attachment(), o.createdBy(), o.createdAt(),
                "/api/v1/observable/" + Ids.format(o.id()) + "/attachment/" + Ids.format(o.attachment().id()) + "/download");
    }
}
