package io.sightline.server.timeline;

import io.sightline.server.common.Ids;
import java.util.LinkedHashMap;
import java.util.Map;

/** TheHive 5's OutputCustomEvent shape. */
public final class CustomEventView {
    private CustomEventView() {}

    public static Map<String, Object> of(CustomEventRecord e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", Ids.format(e.id()));
        out.put("_type", "CustomEvent");
        out.put("_createdBy", e.createdBy());
        out.put("_createdAt", e.createdAt());
        if (e.updatedBy() != null) out.put("_updatedBy", e.updatedBy());
        if (e.updatedAt() != null) out.put("_updatedAt", e.updatedAt());
        out.put("date", e.date());
        if (e.endDate() != null) out.put("endDate", e.endDate());
        out.put("title", e.title());
        if (e.description() != null) out.put("description", e.description());
        return out;
    }
}
