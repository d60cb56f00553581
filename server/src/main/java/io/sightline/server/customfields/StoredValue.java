package io.sightline.server.customfields;

/**
 * A custom field value of a record, with its definition's name and type.
 *
 * @param value null for a field set without a value
 */
public record StoredValue(long id, String name, CustomFieldType type, CustomFieldValue value, int order) {}
