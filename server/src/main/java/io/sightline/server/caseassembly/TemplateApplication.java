package io.sightline.server.caseassembly;

import java.util.List;

/**
 * Which parts of a case template to apply to existing cases (TheHive 5's InputApplyCaseTemplateWithIds).
 *
 * @param caseIds      cases of the caller's organisation, by "~id" or number
 * @param importTasks  the template's tasks to add, by "~id" or title
 * @param importPages  the template's page templates to add as pages, by "~id"
 */
public record TemplateApplication(List<String> caseIds, String caseTemplate, boolean titlePrefix, boolean description,
                                  boolean tags, boolean severity, boolean flag, boolean tlp, boolean pap,
                                  boolean customFields, List<String> importTasks, List<String> importPages) {
    public TemplateApplication {
        caseIds = List.copyOf(caseIds);
        importTasks = importTasks == null ? List.of() : List.copyOf(importTasks);
        importPages = importPages == null ? List.of() : List.copyOf(importPages);
    }
}
