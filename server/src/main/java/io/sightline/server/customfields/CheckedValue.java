package io.sightline.server.customfields;

/** A value checked against its definition, ready to be stored. */
public record CheckedValue(CustomFieldDefinition field, CustomFieldValue value, int order) {}
