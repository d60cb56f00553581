package io.sightline.server.customfields;

import io.sightline.server.common.Ids;
import java.util.LinkedHashMap;
import java.util.Map;

/** TheHive 5's OutputCustomField. */
public final class CustomFieldView {
    private CustomFieldView() {}

    public static Map<String, Object> of(CustomFieldDefinition d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", Ids.format(d.id()));
        out.put("_type", "CustomField");
        out.put("_createdBy", d.createdBy());
        out.put("_createdAt", d.createdAt());
        if (d.updatedBy() != null) out.put("_updatedBy", d.updatedBy());
        if (d.updatedAt() != null) out.put("_updatedAt", d.updatedAt());
        out.put("name", d.name());
        out.put("displayName", d.displayName());
        out.put("group", d.group());
        out.put("description", d.description());
        out.put("type", d.type().json());
        out.put("options", d.options().stream().map(CustomFieldValue::json).toList());
        out.put("mandatory", d.mandatory());
        out.put("extraData", Map.of());
        return out;
    }
}
