package io.sightline.server.casetemplates;

import io.sightline.server.common.Ids;
import io.sightline.server.common.Pap;
import io.sightline.server.common.Tlp;
import io.sightline.server.customfields.CustomFieldValuesView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TheHive 5's OutputCaseTemplate; fields the template leaves unset are absent. */
public final class CaseTemplateView {
    private CaseTemplateView() {}

    public static Map<String, Object> of(CaseTemplate ct) {
        CaseTemplateRecord t = ct.template();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", Ids.format(t.id()));
        out.put("_type", "CaseTemplate");
        out.put("_createdBy", t.createdBy());
        out.put("_createdAt", t.createdAt());
        if (t.updatedBy() != null) out.put("_updatedBy", t.updatedBy());
        if (t.updatedAt() != null) out.put("_updatedAt", t.updatedAt());
        out.put("name", t.name());
        out.put("displayName", t.displayName());
        if (t.titlePrefix() != null) out.put("titlePrefix", t.titlePrefix());
        if (t.description() != null) out.put("description", t.description());
        if (t.severity() != null) {
            out.put("severity", t.severity());
            out.put("severityLabel", severityLabel(t.severity()));
        }
        out.put("tags", t.tags());
        out.put("flag", t.flag());
        if (t.tlp() != null) {
            out.put("tlp", t.tlp());
            out.put("tlpLabel", Tlp.of(t.tlp()).label());
        }
        if (t.pap() != null) {
            out.put("pap", t.pap());
            out.put("papLabel", Pap.of(t.pap()).name());
        }
        if (t.summary() != null) out.put("summary", t.summary());
        out.put("customFields", CustomFieldValuesView.list(ct.customFields()));
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (TemplateTask task : ct.tasks()) tasks.add(task(task));
        out.put("tasks", tasks);
        if (!t.pageTemplateIds().isEmpty()) out.put("pageTemplateIds", t.pageTemplateIds());
        out.put("extraData", Map.of());
        return out;
    }

    /** TheHive's OutputTask, for a task spec that is not yet a case's task. */
    private static Map<String, Object> task(TemplateTask task) {
        TaskSpec s = task.spec();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", Ids.format(task.id()));
        out.put("_type", "Task");
        out.put("_createdBy", task.createdBy());
        out.put("_createdAt", task.createdAt());
        out.put("title", s.title());
        out.put("group", s.group());
        if (s.description() != null) out.put("description", s.description());
        out.put("status", s.status());
        out.put("flag", s.flag());
        if (s.assignee() != null) out.put("assignee", s.assignee());
        out.put("order", task.order());
        if (s.dueDate() != null) out.put("dueDate", s.dueDate());
        out.put("mandatory", s.mandatory());
        out.put("extraData", Map.of());
        return out;
    }

    /** TheHive's severity names (cases show the same ones). */
    static String severityLabel(int severity) {
        return switch (severity) {
            case 1 -> "LOW";
            case 2 -> "MEDIUM";
            case 3 -> "HIGH";
            default -> "CRITICAL";
        };
    }
}
