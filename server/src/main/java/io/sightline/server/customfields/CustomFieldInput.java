package io.sightline.server.customfields;

/**
 * One value a client sets on a record, before it is checked against the field's definition.
 *
 * @param order the client's order, or null to take the value's position
 */
public record CustomFieldInput(String name, RawValue value, Integer order) {}
