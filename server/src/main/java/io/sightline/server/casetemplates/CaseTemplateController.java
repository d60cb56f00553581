package io.sightline.server.casetemplates;

import io.sightline.server.api.JsonInput;
import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.common.Pap;
import io.sightline.server.common.Tlp;
import io.sightline.server.core.Invalid;
import io.sightline.server.customfields.CustomFieldInput;
import io.sightline.server.customfields.CustomFieldJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** TheHive 5's case template routes: TheHive JSON to commands, templates to OutputCaseTemplate. */
@RestController
public class CaseTemplateController {
    private static final Set<String> UPDATE_FIELDS = Set.of("name", "displayName", "titlePrefix", "description",
            "severity", "tags", "flag", "tlp", "pap", "summary", "tasks", "customFields");
    private static final Set<String> FIELDS = union(UPDATE_FIELDS, Set.of("pageTemplateIds"));
    private static final Set<String> TASK_FIELDS = Set.of("title", "group", "description", "status", "flag", "order",
            "dueDate", "assignee", "mandatory");
    private static final Set<String> LINK_FIELDS = Set.of("pageTemplateIds");
    private static final int MAX_NAME = 128;
    private static final int MAX_TEXT = 1_048_576;
    private static final int MAX_ITEMS = 500;

    private final CaseTemplateService templates;

    public CaseTemplateController(CaseTemplateService templates) {
        this.templates = templates;
    }

    @PostMapping("/api/v1/caseTemplate")
    public ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) JsonNode body) {
        JsonInput in = JsonInput.of(body, "case template", FIELDS);
        var draft = new CaseTemplateDraft(in.requiredString("name", MAX_NAME), nonBlank(in, "displayName", MAX_NAME).orElse(null),
                in.string("titlePrefix", 64).orElse(null), in.string("description", MAX_TEXT).orElse(null),
                in.integer("severity").orElse(null), tlp(in).orElse(null), pap(in).orElse(null),
                in.strings("tags", MAX_ITEMS, 128).orElse(List.of()), in.bool("flag").orElse(false),
                in.string("summary", MAX_TEXT).orElse(null), tasks(in).orElse(List.of()),
                in.strings("pageTemplateIds", MAX_ITEMS, 128).orElse(List.of()), customFields(in).orElse(List.of()));
        return ResponseEntity.status(HttpStatus.CREATED).body(CaseTemplateView.of(templates.create(CurrentPrincipal.get(), draft)));
    }

    @GetMapping("/api/v1/caseTemplate/{idOrName}")
    public Map<String, Object> get(@PathVariable String idOrName) {
        return CaseTemplateView.of(templates.get(CurrentPrincipal.get(), idOrName));
    }

    @PatchMapping("/api/v1/caseTemplate/{idOrName}")
    public ResponseEntity<Void> update(@PathVariable String idOrName, @RequestBody(required = false) JsonNode body) {
        JsonInput in = JsonInput.of(body, "case template", UPDATE_FIELDS);
        var changes = new CaseTemplateChanges(nonBlank(in, "name", MAX_NAME), nonBlank(in, "displayName", MAX_NAME),
                in.string("titlePrefix", 64), in.string("description", MAX_TEXT), in.integer("severity"), tlp(in), pap(in),
                in.strings("tags", MAX_ITEMS, 128), in.bool("flag"), in.string("summary", MAX_TEXT), tasks(in),
                customFields(in));
        templates.update(CurrentPrincipal.get(), idOrName, changes);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/v1/caseTemplate/{idOrName}/pageTemplate/link")
    public ResponseEntity<Void> linkPageTemplates(@PathVariable String idOrName, @RequestBody(required = false) JsonNode body) {
        JsonInput in = JsonInput.of(body, "page template link", LINK_FIELDS);
        List<String> ids = in.strings("pageTemplateIds", MAX_ITEMS, 128).orElseThrow(() -> in.missing("pageTemplateIds"));
        templates.linkPageTemplates(CurrentPrincipal.get(), idOrName, ids);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/caseTemplate/{idOrName}")
    public ResponseEntity<Void> delete(@PathVariable String idOrName) {
        templates.delete(CurrentPrincipal.get(), idOrName);
        return ResponseEntity.noContent().build();
    }

    private static Optional<String> nonBlank(JsonInput in, String field, int max) {
        return in.hasValue(field) ? Optional.of(in.requiredString(field, max)) : Optional.empty();
    }

    private static Optional<Integer> tlp(JsonInput in) {
        return in.level("tlp", Tlp::of, Tlp::parse, "a TLP number or name").map(Tlp::value);
    }

    private static Optional<Integer> pap(JsonInput in) {
        return in.level("pap", Pap::of, Pap::parse, "a PAP number or name").map(Pap::value);
    }

    private static Optional<List<CustomFieldInput>> customFields(JsonInput in) {
        return in.hasValue("customFields") ? Optional.of(CustomFieldJson.read(in.raw("customFields"), "case template"))
                : Optional.empty();
    }

    private static Optional<List<TaskSpec>> tasks(JsonInput in) {
        if (!in.hasValue("tasks")) return Optional.empty();
        JsonNode v = in.raw("tasks");
        if (!v.isArray()) throw in.typeError("tasks", "an array of tasks");
        if (v.size() > MAX_ITEMS) throw new Invalid("Field tasks of case template has " + v.size() + " items, at most " + MAX_ITEMS);
        List<TaskSpec> out = new ArrayList<>();
        for (JsonNode item : v) {
            JsonInput t = JsonInput.of(item, "task of the case template", TASK_FIELDS);
            out.add(new TaskSpec(t.requiredString("title", 128), nonBlank(t, "group", 64).orElse(null),
                    t.string("description", MAX_TEXT).orElse(null), t.string("status", 16).orElse(null),
                    t.bool("flag").orElse(false), t.integer("order").orElse(null), t.epochMillis("dueDate").orElse(null),
                    t.string("assignee", 256).filter(s -> !s.isBlank()).orElse(null), t.bool("mandatory").orElse(false)));
        }
        return Optional.of(out);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
