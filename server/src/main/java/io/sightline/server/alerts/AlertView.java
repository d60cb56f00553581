package io.sightline.server.alerts;

import io.sightline.server.cases.CaseView;
import io.sightline.server.common.Ids;
import io.sightline.server.customfields.CustomFieldValuesView;
import io.sightline.server.customfields.StoredValue;
import io.sightline.server.common.Pap;
import io.sightline.server.common.Tlp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TheHive's OutputAlert shape. */
public final class AlertView {
    private AlertView() {}

    public static Map<String, Object> of(AlertRecord a, int observableCount) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", Ids.format(a.id()));
        out.put("_type", "Alert");
        out.put("_createdBy", a.createdBy());
        out.put("_createdAt", a.createdAt());
        if (a.updatedBy() != null) out.put("_updatedBy", a.updatedBy());
        if (a.updatedAt() != null) out.put("_updatedAt", a.updatedAt());
        out.put("type", a.type());
        out.put("source", a.source());
        out.put("sourceRef", a.sourceRef());
        if (a.externalLink() != null) out.put("externalLink", a.externalLink());
        out.put("title", a.title());
        out.put("description", a.description());
        out.put("severity", a.severity());
        out.put("severityLabel", CaseView.severityLabel(a.severity()));
        out.put("date", a.date());
        out.put("tags", a.tags());
        out.put("tlp", a.tlp());
        out.put("tlpLabel", Tlp.of(a.tlp()).label());
        out.put("pap", a.pap());
        out.put("papLabel", Pap.of(a.pap()).name());
        out.put("flag", a.flag());
        out.put("status", a.status());
        out.put("read", a.read());
        out.put("follow", a.follow());
        out.put("customFields", List.of());
        out.put("observableCount", observableCount);
        if (a.caseId() != null) out.put("caseId", Ids.format(a.caseId()));
        if (a.summary() != null) out.put("summary", a.summary());
        if (a.assignee() != null) out.put("assignee", a.assignee());
        out.put("extraData", Map.of());
        return out;
    }

    /** The view with the alert's custom field values in TheHive 5's list form. */
    public static Map<String, Object> withCustomFields(Map<String, Object> view, List<StoredValue> values) {
        view.put("customFields", CustomFieldValuesView.list(values));
        return view;
    }
}
