package io.sightline.server.pages;

import io.sightline.server.common.Ids;
import java.util.LinkedHashMap;
import java.util.Map;

/** TheHive's OutputPage, for case pages and page templates (which differ only in _type). */
public final class PageView {
    private PageView() {}

    public static Map<String, Object> of(PageRecord p) {
        return shape(p.id(), "Page", p.createdBy(), p.createdAt(), p.updatedBy(), p.updatedAt(), p.title(), p.category(),
                p.content(), p.order());
    }

    public static Map<String, Object> shape(long id, String type, String createdBy, long createdAt, String updatedBy,
                                            Long updatedAt, String title, String category, String content, int order) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", Ids.format(id));
        out.put("_type", type);
        out.put("_createdBy", createdBy);
        out.put("_createdAt", createdAt);
        if (updatedBy != null) out.put("_updatedBy", updatedBy);
        if (updatedAt != null) out.put("_updatedAt", updatedAt);
        out.put("title", title);
        out.put("content", content);
        out.put("order", order);
        out.put("category", category);
        out.put("extraData", Map.of());
        return out;
    }
}
