package io.sightline.server.tasks;

import io.sightline.server.core.Invalid;
import java.util.Arrays;
import java.util.stream.Collectors;

/** TheHive 5's task statuses, spelt as its API spells them. */
public enum TaskStatus {
    Waiting, InProgress, Completed, Cancel;

    public static TaskStatus parse(String s) {
        for (TaskStatus t : values()) if (t.name().equals(s)) return t;
        throw new Invalid("Unknown task status '" + s + "'; use one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
