package io.sightline.server.customfields;

import io.sightline.server.api.JsonInput;
import io.sightline.server.core.Invalid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code customFields} of a TheHive request into {@link CustomFieldInput}s, for the
 * controllers of records that carry custom fields. TheHive 5 accepts three spellings:
 * <ul>
 * <li>a list {@code [{"name": "n", "value": v, "order": 1}, …]} (a name repeated for several values);</li>
 * <li>an object {@code {"n": v}} or {@code {"n": [v1, v2]}};</li>
 * <li>TheHive 4's object {@code {"n": {"string": v, "order": 1}}}.</li>
 * </ul>
 */
public final class CustomFieldJson {
    private static final Set<String> LIST_ITEM_FIELDS = Set.of("name", "value", "order");
    private static final int MAX_VALUES = 500;

    private CustomFieldJson() {}

    /** @param what the record, for messages ("case template") */
    public static List<CustomFieldInput> read(JsonNode customFields, String what) {
        if (customFields == null || customFields.isNull()) return List.of();
        List<CustomFieldInput> out = new ArrayList<>();
        if (customFields.isArray()) {
            for (JsonNode item : customFields) {
                JsonInput in = JsonInput.of(item, "custom field value of the " + what, LIST_ITEM_FIELDS);
                String name = in.requiredString("name", 64);
                if (!in.has("value")) throw new Invalid("Custom field " + name + " of the " + what + " has no value");
                out.add(new CustomFieldInput(name, raw(in.raw("value")), in.integer("order").orElse(null)));
            }
        } else if (customFields.isObject()) {
            for (Map.Entry<String, JsonNode> e : customFields.properties()) {
                String name = JsonInput.storable("customFields", what, e.getKey(), 64);
                readObjectEntry(name, e.getValue(), out);
            }
        } else {
            throw new Invalid("Field customFields of the " + what + " must be a list of {name, value, order} or an object");
        }
        if (out.size() > MAX_VALUES) {
            throw new Invalid("Field customFields of the " + what + " has " + out.size() + " values, at most " + MAX_VALUES);
        }
        return out;
    }

    private static void readObjectEntry(String name, JsonNode v, List<CustomFieldInput> out) {
        if (v.isArray()) {
            for (JsonNode item : v) out.add(new CustomFieldInput(name, raw(item), null));
        } else if (v.isObject()) {
            // TheHive 4: {"<type>": value, "order": n}
            Integer order = null;
            RawValue value = new RawValue.Null();
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                if (e.getKey().equals("order")) {
                    if (!e.getValue().isIntegralNumber() || !e.getValue().canConvertToInt()) {
                        throw new Invalid("The order of custom field " + name + " must be an integer");
                    }
                    order = e.getValue().intValue();
                } else {
                    CustomFieldType.parse(e.getKey());
                    value = raw(e.getValue());
                }
            }
            out.add(new CustomFieldInput(name, value, order));
        } else {
            out.add(new CustomFieldInput(name, raw(v), null));
        }
    }

    /** A JSON value as the client wrote it; arrays and objects are kept only to be refused by name. */
    public static RawValue raw(JsonNode v) {
        if (v == null || v.isNull()) return new RawValue.Null();
        if (v.isString()) return new RawValue.Text(v.stringValue());
        if (v.isNumber()) return new RawValue.Number(v.decimalValue());
        if (v.isBoolean()) return new RawValue.Bool(v.booleanValue());
        return new RawValue.Structured(v.isArray() ? "an array" : "an object");
    }
}
