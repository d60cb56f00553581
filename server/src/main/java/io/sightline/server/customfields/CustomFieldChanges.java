package io.sightline.server.customfields;

import java.util.List;
import java.util.Optional;

/** The fields of a definition a PATCH changes; empty means unchanged. The name never changes. */
public record CustomFieldChanges(Optional<String> displayName, Optional<String> group, Optional<String> description,
                                 Optional<CustomFieldType> type, Optional<List<RawValue>> options,
                                 Optional<Boolean> mandatory) {}
