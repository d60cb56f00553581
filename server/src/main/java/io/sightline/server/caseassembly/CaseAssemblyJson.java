package io.sightline.server.caseassembly;

import io.sightline.server.api.JsonInput;
import io.sightline.server.cases.CaseJson;
import io.sightline.server.core.Invalid;
import io.sightline.server.pages.PageDraft;
import io.sightline.server.pages.PageInput;
import io.sightline.server.tasks.NewTask;
import io.sightline.server.tasks.TaskInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads TheHive 5's InputCase (with tasks, pages, caseTemplate) and InputApplyCaseTemplateWithIds. */
public final class CaseAssemblyJson {
    static final int MAX_TASKS = 500;
    static final int MAX_PAGES = 100;
    private static final Set<String> APPLY_FIELDS = Set.of("ids", "caseTemplate", "updateTitlePrefix", "updateDescription",
            "updateTags", "updateSeverity", "updateFlag", "updateTlp", "updatePap", "updateCustomFields", "importTasks",
            "importPages");

    private CaseAssemblyJson() {}

    static CaseAssembly assembly(JsonNode body) {
        var fields = CaseJson.newCase(body); // refuses unknown fields and reads the case's own
        return new CaseAssembly(fields, parts(body));
    }

    /** The template, tasks and pages of an InputCase (or of a promotion's body, which has the same fields). */
    public static CaseParts parts(JsonNode body) {
        JsonInput in = JsonInput.of(body, "case", CaseJson.FIELDS);
        String template = in.string("caseTemplate", 128).filter(s -> !s.isBlank()).orElse(null);
        return new CaseParts(template, items(in, "tasks", MAX_TASKS, TaskInput::newTask),
                items(in, "pages", MAX_PAGES, node -> PageInput.draft(node, "page")));
    }

    static TemplateApplication application(JsonNode body) {
        JsonInput in = JsonInput.of(body, "case template application", APPLY_FIELDS);
        List<String> ids = in.strings("ids", CaseAssemblyService.MAX_CASES, 64).orElseThrow(() -> in.missing("ids"));
        return new TemplateApplication(ids, in.requiredString("caseTemplate", 128), flag(in, "updateTitlePrefix"),
                flag(in, "updateDescription"), flag(in, "updateTags"), flag(in, "updateSeverity"), flag(in, "updateFlag"),
                flag(in, "updateTlp"), flag(in, "updatePap"), flag(in, "updateCustomFields"),
                in.strings("importTasks", MAX_TASKS, 128).orElse(List.of()),
                in.strings("importPages", MAX_PAGES, 128).orElse(List.of()));
    }

    private static boolean flag(JsonInput in, String field) {
        return in.bool(field).orElse(false);
    }

    private static <T> List<T> items(JsonInput in, String field, int max, java.util.function.Function<JsonNode, T> read) {
        if (!in.hasValue(field)) return List.of();
        JsonNode v = in.raw(field);
        if (!v.isArray()) throw in.typeError(field, "an array");
        if (v.size() > max) throw new Invalid("Field " + field + " of case has " + v.size() + " items, at most " + max);
        List<T> out = new ArrayList<>(v.size());
        for (JsonNode item : v) out.add(read.apply(item));
        return out;
    }
}
