package io.sightline.server.connectors.cortex;

import io.sightline.server.core.Invalid;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a responder may act on, by TheHive's entity names ({@code case_artifact} is an observable),
 * each with the Cortex data type responders declare ({@code thehive:case}, ...). The short names
 * TheHive 5's routes also accept ({@code task}, {@code observable}, {@code log}) are read too.
 */
public enum ActionObjectType {
    CASE("case", "case"),
    TASK("case_task", "task"),
    ALERT("alert", "alert"),
    OBSERVABLE("case_artifact", "observable"),
    LOG("case_task_log", "log");

    final String theHiveName;
    private final String shortName;

    ActionObjectType(String theHiveName, String shortName) {
        this.theHiveName = theHiveName;
        this.shortName = shortName;
    }

    /** The data type Cortex responders list: {@code thehive:case_task}. */
    String cortexDataType() {
        return "thehive:" + theHiveName;
    }

    static ActionObjectType parse(String name) {
        for (ActionObjectType t : values()) {
            if (t.theHiveName.equalsIgnoreCase(name) || t.shortName.equalsIgnoreCase(name)) return t;
        }
        throw new Invalid("Unknown object type '" + name + "'; use one of "
                + Arrays.stream(values()).map(t -> t.theHiveName).collect(Collectors.joining(", ")));
    }
}
