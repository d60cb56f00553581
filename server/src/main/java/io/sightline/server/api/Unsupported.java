package io.sightline.server.api;

import io.sightline.server.core.Invalid;
import tools.jackson.databind.JsonNode;

/**
 * TheHive fields Sightline does not model yet (custom fields, templates, tasks...). Clients often
 * send them empty; an empty value is accepted, a real one is refused rather than silently dropped.
 */
public final class Unsupported {
    private Unsupported() {}

    public static void rejectNonEmpty(JsonInput in, String what, String... fields) {
        for (String f : fields) {
            JsonNode v = in.raw(f);
            if (v == null || v.isNull() || (v.isContainer() && v.isEmpty()) || (v.isString() && v.stringValue().isEmpty())) continue;
            throw new Invalid("Field " + f + " of " + what + " is not supported by this server");
        }
    }
}
