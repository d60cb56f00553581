package io.sightline.server.customfields;

import java.util.List;

/**
 * A platform-wide custom field: its name identifies it in records' values.
 *
 * @param options the allowed values (of the field's type); empty allows any value
 */
public record CustomFieldDefinition(long id, String name, String displayName, String group, String description,
                                    CustomFieldType type, List<CustomFieldValue> options, boolean mandatory,
                                    String createdBy, long createdAt, String updatedBy, Long updatedAt) {

    /** Whether the value is allowed by the options (a value-less field always is). */
    public boolean allows(CustomFieldValue value) {
        return value == null || options.isEmpty() || options.contains(value);
    }
}
