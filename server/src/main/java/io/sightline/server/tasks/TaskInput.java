package io.sightline.server.tasks;

import io.sightline.server.api.JsonInput;
import io.sightline.server.core.Invalid;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** Reads TheHive's task JSON (InputTask, InputUpdateTask, InputUpdateTaskWithIds) into commands. */
public final class TaskInput {
    static final Set<String> FIELDS = Set.of("title", "group", "description", "status", "flag", "startDate", "endDate",
            "order", "dueDate", "assignee", "mandatory");
    static final Set<String> BULK_FIELDS = union(FIELDS, "ids");
    /** TheHive 5's limits (its OpenAPI); descriptions as long as a case's. */
    public static final int MAX_TITLE = 128;
    public static final int MAX_GROUP = 64;
    public static final int MAX_TEXT = 1_000_000;
    static final int MAX_LOGIN = 256;

    private TaskInput() {}

    public static NewTask newTask(JsonNode body) {
        JsonInput in = JsonInput.of(body, "task", FIELDS);
        return new NewTask(in.requiredString("title", MAX_TITLE), group(in).orElse(null),
                in.string("description", MAX_TEXT).orElse(null), in.string("status", 16).map(TaskStatus::parse).orElse(null),
                in.bool("flag").orElse(null), in.bool("mandatory").orElse(null), in.integer("order").orElse(null),
                in.string("assignee", MAX_LOGIN).filter(s -> !s.isBlank()).orElse(null),
                in.epochMillis("dueDate").orElse(null), in.epochMillis("startDate").orElse(null),
                in.epochMillis("endDate").orElse(null));
    }

    public static TaskChanges changes(JsonNode body) {
        return changes(JsonInput.of(body, "task", FIELDS));
    }

    /** The ids and changes of {@code PATCH /api/v1/task/_bulk}. */
    public record Bulk(List<String> ids, TaskChanges changes) {}

    public static Bulk bulk(JsonNode body) {
        JsonInput in = JsonInput.of(body, "task update", BULK_FIELDS);
        List<String> ids = in.strings("ids", TaskService.MAX_BULK, 64).orElseThrow(() -> in.missing("ids"));
        return new Bulk(ids, changes(in));
    }

    private static TaskChanges changes(JsonInput in) {
        return new TaskChanges(
                required(in, "title", f -> in.requiredString(f, MAX_TITLE)),
                required(in, "group", f -> group(in).orElseThrow()),
                optional(in, "description", f -> in.string(f, MAX_TEXT).orElse(null)),
                required(in, "status", f -> TaskStatus.parse(in.string(f, 16).orElseThrow())),
                required(in, "flag", f -> in.bool(f).orElseThrow()),
                required(in, "mandatory", f -> in.bool(f).orElseThrow()),
                required(in, "order", f -> in.integer(f).orElseThrow()),
                optional(in, "assignee", f -> in.string(f, MAX_LOGIN).filter(s -> !s.isBlank()).orElse(null)),
                optional(in, "dueDate", f -> in.epochMillis(f).orElse(null)),
                optional(in, "startDate", f -> in.epochMillis(f).orElse(null)),
                optional(in, "endDate", f -> in.epochMillis(f).orElse(null)));
    }

    private static java.util.Optional<String> group(JsonInput in) {
        if (!in.hasValue("group")) return java.util.Optional.empty();
        return java.util.Optional.of(in.requiredString("group", MAX_GROUP));
    }

    /** A field that may be cleared by sending null. */
    private static <T> Change<T> optional(JsonInput in, String field, Function<String, T> read) {
        return in.has(field) ? Change.to(read.apply(field)) : Change.absent();
    }

    /** A field that always has a value: null is refused. */
    private static <T> Change<T> required(JsonInput in, String field, Function<String, T> read) {
        if (!in.has(field)) return Change.absent();
        if (!in.hasValue(field)) throw new Invalid("Field " + field + " of task cannot be null");
        return Change.to(read.apply(field));
    }

    private static Set<String> union(Set<String> a, String b) {
        var s = new java.util.HashSet<>(a);
        s.add(b);
        return Set.copyOf(s);
    }
}
