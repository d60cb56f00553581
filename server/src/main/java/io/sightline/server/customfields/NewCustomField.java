package io.sightline.server.customfields;

import java.util.List;

/** A definition to create; displayName null takes the name. */
public record NewCustomField(String name, String displayName, String group, String description, CustomFieldType type,
                             List<RawValue> options, boolean mandatory) {}
