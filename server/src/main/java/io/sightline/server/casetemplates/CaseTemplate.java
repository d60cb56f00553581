package io.sightline.server.casetemplates;

import io.sightline.server.customfields.StoredValue;
import java.util.List;

/** A case template with its task specs and default custom field values, as it is shown. */
public record CaseTemplate(CaseTemplateRecord template, List<TemplateTask> tasks, List<StoredValue> customFields) {}
