package io.sightline.server.casetemplates;

import io.sightline.server.customfields.CustomFieldInput;
import java.util.List;

/** A case template to create; null fields are left out (displayName null takes the name). */
public record CaseTemplateDraft(String name, String displayName, String titlePrefix, String description,
                                Integer severity, Integer tlp, Integer pap, List<String> tags, boolean flag,
                                String summary, List<TaskSpec> tasks, List<String> pageTemplateIds,
                                List<CustomFieldInput> customFields) {}
