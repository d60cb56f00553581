package io.sightline.server.comments;

import io.sightline.server.common.Ids;
import java.util.LinkedHashMap;
import java.util.Map;

/** TheHive's OutputComment: createdBy/createdAt without underscore, isEdited, updated* once edited. */
public final class CommentView {
    private CommentView() {}

    public static Map<String, Object> of(CommentRecord c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", Ids.format(c.id()));
        out.put("_type", "Comment");
        out.put("createdBy", c.createdBy());
        out.put("createdAt", c.createdAt());
        if (c.updatedBy() != null) out.put("updatedBy", c.updatedBy());
        if (c.updatedAt() != null) out.put("updatedAt", c.updatedAt());
        out.put("message", c.message());
        out.put("isEdited", c.edited());
        out.put("external", c.external());
        out.put("extraData", Map.of());
        return out;
    }
}
