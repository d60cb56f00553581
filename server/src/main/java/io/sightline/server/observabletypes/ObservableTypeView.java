package io.sightline.server.observabletypes;

import io.sightline.server.common.Ids;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TheHive 5's OutputObservableType. A built-in type has no row: its {@code _id} is its name (TheHive
 * takes an id or a name wherever it takes one), its author "system".
 */
public final class ObservableTypeView {
    private ObservableTypeView() {}

    public static Map<String, Object> of(ObservableTypeRecord r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", r.id() == null ? r.name() : Ids.format(r.id()));
        out.put("_type", "ObservableType");
        out.put("_createdBy", r.createdBy());
        out.put("_createdAt", r.createdAt());
        out.put("name", r.name());
        out.put("isAttachment", r.isAttachment());
        return out;
    }
}
