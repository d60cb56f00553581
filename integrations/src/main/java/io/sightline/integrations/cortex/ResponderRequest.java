package io.sightline.integrations.cortex;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a responder acts on: the body of {@code POST /api/responder/{id}/run}, as TheHive sends it.
 *
 * @param dataType   {@code thehive:case}, {@code thehive:case_task}, {@code thehive:alert}, {@code thehive:case_artifact}
 *                   or {@code thehive:case_task_log}
 * @param data       the object itself, in TheHive's JSON
 * @param tlp        0-3
 * @param pap        0-3
 * @param message    free text
 * @param parameters extra parameters passed to the responder
 */
public record ResponderRequest(String dataType, JsonNode data, int tlp, int pap, String message,
        Map<String, Object> parameters) {

    public ResponderRequest {
        if (dataType == null || dataType.isBlank() || data == null || !data.isObject()) {
            throw new IllegalArgumentException("a responder job needs a dataType and the object as data");
        }
        if (tlp < 0 || tlp > 3 || pap < 0 || pap > 3) {
            throw new IllegalArgumentException("tlp and pap must be between 0 and 3, were " + tlp + " and " + pap);
        }
        message = message == null ? "" : message;
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    Map<String, Object> toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("dataType", dataType);
        body.put("tlp", tlp);
        body.put("pap", pap);
        body.put("message", message);
        body.put("parameters", parameters);
        return body;
    }
}
