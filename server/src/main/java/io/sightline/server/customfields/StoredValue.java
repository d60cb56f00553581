package io.sightline.server.customfields;

import java.math.BigDecimal;

/**
 * A custom field value of a record, with its definition's name and type.
 *
 * @param value null for a field set without a value
 */
public record StoredValue(long id, String name, CustomFieldType type, CustomFieldValue value, int order) {

    /** The value as a client would set it again: copying a template's defaults, keeping a record's other fields. */
    public CustomFieldInput asInput() {
        Object v = value == null ? null : value.json();
        RawValue raw;
        if (v == null) raw = new RawValue.Null();
        else if (v instanceof String s) raw = new RawValue.Text(s);
        else if (v instanceof Boolean b) raw = new RawValue.Bool(b);
        else if (v instanceof Double d) raw = new RawValue.Number(BigDecimal.valueOf(d));
        else raw = new RawValue.Number(new BigDecimal(v.toString()));
        return new CustomFieldInput(name, raw, order);
    }
}
