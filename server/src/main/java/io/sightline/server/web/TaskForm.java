package io.sightline.server.web;

import io.sightline.server.core.Invalid;
import io.sightline.server.core.Text;
import io.sightline.server.tasks.Change;
import io.sightline.server.tasks.TaskChanges;
import io.sightline.server.tasks.TaskInput;
import io.sightline.server.tasks.TaskRecord;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The edit form of a task as typed, so a refused form comes back as it was sent; read into the same
 * {@link TaskChanges} the API's PATCH builds, with the API's limits ({@link TaskInput}). The due date
 * is a {@code datetime-local} value read as UTC, the time zone every date of the UI is shown in.
 */
public record TaskForm(String title, String group, String description, String dueDate, String assignee, boolean flag,
                       boolean mandatory, String order) {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** The form filled with the task as stored. */
    static TaskForm of(TaskRecord t) {
        return new TaskForm(t.title(), t.group(), t.description() == null ? "" : t.description(),
                t.dueDate() == null ? "" : LOCAL.format(LocalDateTime.ofEpochSecond(t.dueDate() / 1000, 0, ZoneOffset.UTC)),
                t.assignee() == null ? "" : t.assignee(), t.flag(), t.mandatory(), String.valueOf(t.order()));
    }

    /** The form as posted; an unticked checkbox is not sent. */
    static TaskForm of(Map<String, String> posted) {
        return new TaskForm(posted.getOrDefault("title", ""), posted.getOrDefault("group", ""),
                posted.getOrDefault("description", ""), posted.getOrDefault("dueDate", ""),
                posted.getOrDefault("assignee", ""), posted.containsKey("flag"), posted.containsKey("mandatory"),
                posted.getOrDefault("order", ""));
    }

    /** Every field of the form as a change; each field that cannot be read is noted in {@code errors} and the answer is null. */
    TaskChanges changes(FormErrors errors) {
        String t = errors.read("title", () -> Text.required("title", "task", title.strip(), TaskInput.MAX_TITLE));
        String g = errors.read("group", () -> Text.required("group", "task", group.strip(), TaskInput.MAX_GROUP));
        String d = errors.read("description", () -> Text.storable("description", "task", description, TaskInput.MAX_TEXT));
        Long due = errors.read("dueDate", this::due);
        Integer o = errors.read("order", () -> Forms.blank(order) ? Integer.valueOf(0) : Forms.number("order", order));
        if (errors.any()) return null;
        return new TaskChanges(Change.to(t), Change.to(g), Change.to(Forms.blank(d) ? null : d), Change.absent(),
                Change.to(flag), Change.to(mandatory), Change.to(o), Change.to(Forms.blank(assignee) ? null : assignee.strip()),
                Change.to(due), Change.absent(), Change.absent());
    }

    private Long due() {
        if (Forms.blank(dueDate)) return null;
        try {
            return LocalDateTime.parse(dueDate.strip(), LOCAL).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new Invalid("Field dueDate of task must be a date and time (YYYY-MM-DDTHH:MM), not '"
                    + (dueDate.length() > 40 ? dueDate.substring(0, 40) + "…" : dueDate) + "'");
        }
    }
}
