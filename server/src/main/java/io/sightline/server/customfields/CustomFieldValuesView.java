package io.sightline.server.customfields;

import io.sightline.server.common.Ids;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A record's custom field values in TheHive's two JSON shapes. */
public final class CustomFieldValuesView {
    private CustomFieldValuesView() {}

    /** TheHive 5's output: {@code [{"_id", "name", "type", "value", "order"}]}, in order. */
    public static List<Map<String, Object>> list(List<StoredValue> values) {
        List<Map<String, Object>> out = new ArrayList<>(values.size());
        for (StoredValue v : values) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("_id", Ids.format(v.id()));
            m.put("name", v.name());
            m.put("type", v.type().json());
            m.put("value", v.value() == null ? null : v.value().json());
            m.put("order", v.order());
            out.add(m);
        }
        return out;
    }

    /**
     * TheHive 4's object: {@code {"name": {"<type>": value, "order": n}}}; a field with several values
     * shows them as an array.
     */
    public static Map<String, Object> object(List<StoredValue> values) {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        for (StoredValue v : values) {
            Object value = v.value() == null ? null : v.value().json();
            Map<String, Object> m = byName.get(v.name());
            if (m == null) {
                m = new LinkedHashMap<>();
                m.put(v.type().json(), value);
                m.put("order", v.order());
                byName.put(v.name(), m);
            } else {
                Object first = m.get(v.type().json());
                List<Object> all = new ArrayList<>();
                if (first instanceof List<?> l) all.addAll(l); else all.add(first);
                all.add(value);
                m.put(v.type().json(), all);
            }
        }
        return new LinkedHashMap<>(byName);
    }
}
