package io.sightline.server.tasklogs;

import io.sightline.server.api.JsonInput;
import io.sightline.server.core.Invalid;
import io.sightline.server.tasks.Change;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads TheHive's log JSON (InputCreateLog, InputUpdateLog) into commands. */
public final class TaskLogInput {
    static final Set<String> FIELDS = Set.of("message", "startDate", "includeInTimeline", "attachments");
    static final Set<String> UPDATE_FIELDS = Set.of("message", "includeInTimeline");
    static final int MAX_MESSAGE = 1_000_000;

    private TaskLogInput() {}

    /**
     * A new log. thehive4py repeats the local paths of the files it sends in {@code attachments};
     * they are read, and ignored, only when the files come as multipart parts: in plain JSON a
     * non-empty list would silently attach nothing, so it is refused.
     */
    public static NewLog newLog(JsonNode body, boolean multipart) {
        JsonInput in = JsonInput.of(body, "log", FIELDS);
        var paths = in.strings("attachments", TaskLogService.MAX_FILES, 4096);
        if (!multipart && paths.isPresent() && !paths.get().isEmpty()) {
            throw new Invalid("Field attachments of log lists files, which JSON cannot carry: send multipart/form-data"
                    + " with the log in a part named _json and each file in a part named attachments");
        }
        return new NewLog(in.requiredString("message", MAX_MESSAGE), in.epochMillis("startDate").orElse(null),
                in.epochMillis("includeInTimeline").orElse(null));
    }

    public static LogChanges changes(JsonNode body) {
        JsonInput in = JsonInput.of(body, "log", UPDATE_FIELDS);
        Change<String> message = Change.absent();
        if (in.has("message")) message = Change.to(in.requiredString("message", MAX_MESSAGE));
        Change<Long> timeline = in.has("includeInTimeline") ? Change.to(in.epochMillis("includeInTimeline").orElse(null))
                : Change.absent();
        return new LogChanges(message, timeline);
    }
}
