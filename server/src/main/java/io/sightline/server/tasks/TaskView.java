package io.sightline.server.tasks;

import io.sightline.server.common.Ids;
import java.util.LinkedHashMap;
import java.util.Map;

/** TheHive 5's OutputTask shape: optional fields are left out when unset, as TheHive does. */
public final class TaskView {
    private TaskView() {}

    public static Map<String, Object> of(TaskRecord t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", Ids.format(t.id()));
        out.put("_type", "Task");
        out.put("_createdBy", t.createdBy());
        out.put("_createdAt", t.createdAt());
        if (t.updatedBy() != null) out.put("_updatedBy", t.updatedBy());
        if (t.updatedAt() != null) out.put("_updatedAt", t.updatedAt());
        out.put("title", t.title());
        out.put("group", t.group());
        if (t.description() != null) out.put("description", t.description());
        out.put("status", t.status().name());
        out.put("flag", t.flag());
        if (t.startDate() != null) out.put("startDate", t.startDate());
        if (t.endDate() != null) out.put("endDate", t.endDate());
        if (t.assignee() != null) out.put("assignee", t.assignee());
        out.put("order", t.order());
        if (t.dueDate() != null) out.put("dueDate", t.dueDate());
        out.put("mandatory", t.mandatory());
        out.put("extraData", Map.of());
        return out;
    }
}
