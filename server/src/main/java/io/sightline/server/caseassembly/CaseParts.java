package io.sightline.server.caseassembly;

import io.sightline.server.pages.PageDraft;
import io.sightline.server.tasks.NewTask;
import java.util.List;

/**
 * What a new case may bring besides its own fields: a template ("~id" or name, or {@code null}),
 * tasks and pages. A promoted alert's case takes them from the promotion's body.
 */
public record CaseParts(String caseTemplate, List<NewTask> tasks, List<PageDraft> pages) {
    public static final CaseParts NONE = new CaseParts(null, List.of(), List.of());

    public CaseParts {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        pages = pages == null ? List.of() : List.copyOf(pages);
    }

    public CaseParts withTemplate(String template) {
        return new CaseParts(template, tasks, pages);
    }
}
