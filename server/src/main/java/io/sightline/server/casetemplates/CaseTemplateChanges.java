package io.sightline.server.casetemplates;

import io.sightline.server.customfields.CustomFieldInput;
import java.util.List;
import java.util.Optional;

/**
 * The fields a PATCH changes; empty means unchanged. An empty string clears an optional text, and
 * tasks, tags and customFields given replace the template's whole list.
 */
public record CaseTemplateChanges(Optional<String> name, Optional<String> displayName, Optional<String> titlePrefix,
                                  Optional<String> description, Optional<Integer> severity, Optional<Integer> tlp,
                                  Optional<Integer> pap, Optional<List<String>> tags, Optional<Boolean> flag,
                                  Optional<String> summary, Optional<List<TaskSpec>> tasks,
                                  Optional<List<CustomFieldInput>> customFields) {}
