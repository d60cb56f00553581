package io.sightline.testkit.misp;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.ObjectNode;

/** One event held by the emulator: either a JSON tree or a generated event streamed on demand. */
interface EmulatedEvent {

    /** The event metadata (no attributes or objects), in MISP's full-event field names. */
    ObjectNode header();

    /** Writes the event object (without the {@code {"Event":…}} wrapper). */
    void write(JsonGenerator out, boolean includeDeleted);

    default String id() {
        return header().path("id").asString();
    }

    default String uuid() {
        return header().path("uuid").asString();
    }

    default long timestamp() {
        return Long.parseLong(header().path("timestamp").asString("0"));
    }
}
