package io.sightline.server.cases;

import io.sightline.server.common.Ids;
import io.sightline.server.common.Pap;
import io.sightline.server.common.Tlp;
import io.sightline.server.customfields.CustomFieldValuesView;
import io.sightline.server.customfields.StoredValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TheHive's OutputCase shape (TheHive 4 fields plus the labels TheHive 5 adds). */
public final class CaseView {
    private CaseView() {}

    /** The case without its custom field values (TheHive 4 style callers, list pages that add none). */
    public static Map<String, Object> of(CaseRecord c) {
        return of(c, List.of());
    }

    /** The case with its custom field values in TheHive 5's list form. */
    public static Map<String, Object> of(CaseRecord c, List<StoredValue> customFields) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", Ids.format(c.id()));
        out.put("_type", "Case");
        out.put("_createdBy", c.createdBy());
        out.put("_createdAt", c.createdAt());
        if (c.updatedBy() != null) out.put("_updatedBy", c.updatedBy());
        if (c.updatedAt() != null) out.put("_updatedAt", c.updatedAt());
        out.put("number", c.number());
        out.put("title", c.title());
        out.put("description", c.description());
        out.put("severity", c.severity());
        out.put("severityLabel", severityLabel(c.severity()));
        out.put("startDate", c.startDate());
        if (c.endDate() != null) out.put("endDate", c.endDate());
        out.put("tags", c.tags());
        out.put("flag", c.flag());
        out.put("tlp", c.tlp());
        out.put("tlpLabel", Tlp.of(c.tlp()).label());
        out.put("pap", c.pap());
        out.put("papLabel", Pap.of(c.pap()).name());
        out.put("status", c.status());
        out.put("stage", CaseStatus.stage(c.status()));
        if (c.summary() != null) out.put("summary", c.summary());
        if (c.resolutionStatus() != null) out.put("resolutionStatus", c.resolutionStatus());
        if (c.impactStatus() != null) out.put("impactStatus", c.impactStatus());
        if (c.assignee() != null) {
            out.put("assignee", c.assignee());
            out.put("owner", c.assignee());
        }
        out.put("customFields", CustomFieldValuesView.list(customFields));
        out.put("access", c.access().view());
        out.put("extraData", Map.of());
        return out;
    }

    public static String severityLabel(int severity) {
        return switch (severity) {
            case 1 -> "LOW";
            case 2 -> "MEDIUM";
            case 3 -> "HIGH";
            default -> "CRITICAL";
        };
    }
}
