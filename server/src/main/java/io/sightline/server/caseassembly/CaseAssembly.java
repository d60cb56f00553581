package io.sightline.server.caseassembly;

import io.sightline.server.cases.NewCase;
import io.sightline.server.pages.PageDraft;
import io.sightline.server.tasks.NewTask;
import java.util.List;

/**
 * A case to create with its parts (TheHive 5's InputCase).
 *
 * @param fields       the case's own fields and custom field values; {@code null} fields take the template's
 * @param caseTemplate a template of the caller's organisation by "~id" or name, or {@code null}
 * @param tasks        tasks created after the template's
 * @param pages        pages created after the template's
 */
public record CaseAssembly(NewCase fields, String caseTemplate, List<NewTask> tasks, List<PageDraft> pages) {
    public CaseAssembly {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        pages = pages == null ? List.of() : List.copyOf(pages);
    }

    public CaseAssembly(NewCase fields, CaseParts parts) {
        this(fields, parts.caseTemplate(), parts.tasks(), parts.pages());
    }
}
