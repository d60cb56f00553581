package io.sightline.server.customfields;

import io.sightline.server.core.Invalid;
import java.util.Arrays;
import java.util.Locale;

/** The kinds of value a custom field holds, with TheHive's names. */
public enum CustomFieldType {
    STRING, INTEGER, FLOAT, BOOLEAN, DATE, URL;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CustomFieldType parse(String text) {
        for (CustomFieldType t : values()) if (t.json().equals(text)) return t;
        throw new Invalid("Unknown custom field type '" + text + "'; use one of "
                + String.join(", ", Arrays.stream(values()).map(CustomFieldType::json).toList()));
    }
}
