package io.sightline.integrations.cortex;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to analyze: the body of {@code POST /api/analyzer/{id}/run}. TLP and PAP default to 2
 * (AMBER), as for a TheHive observable.
 *
 * @param dataType   observable type: ip, domain, hash, url, file, ...
 * @param data       the value; null for a file job
 * @param tlp        0-3 (4 for TLP:AMBER+STRICT is not known to Cortex)
 * @param pap        0-3
 * @param message    free text; TheHive sends the case number
 * @param parameters extra parameters passed to the analyzer
 * @param label      optional label
 * @param force      bypass Cortex's job cache
 */
public record JobRequest(String dataType, String data, int tlp, int pap, String message,
        Map<String, Object> parameters, String label, boolean force) {

    public JobRequest {
        if (dataType == null || dataType.isBlank()) {
            throw new IllegalArgumentException("a Cortex job needs a dataType");
        }
        if (tlp < 0 || tlp > 3 || pap < 0 || pap > 3) {
            throw new IllegalArgumentException("tlp and pap must be between 0 and 3, were " + tlp + " and " + pap);
        }
        message = message == null ? "" : message;
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public static JobRequest of(String dataType, String data) {
        Objects.requireNonNull(data, "data");
        return new JobRequest(dataType, data, 2, 2, "", Map.of(), null, false);
    }

    /** Metadata of a file job; the file itself travels in the multipart body. */
    public static JobRequest forFile() {
        return new JobRequest("file", null, 2, 2, "", Map.of(), null, false);
    }

    public JobRequest withTlp(int value) {
        return new JobRequest(dataType, data, value, pap, message, parameters, label, force);
    }

    public JobRequest withPap(int value) {
        return new JobRequest(dataType, data, tlp, value, message, parameters, label, force);
    }

    public JobRequest withMessage(String value) {
        return new JobRequest(dataType, data, tlp, pap, value, parameters, label, force);
    }

    public JobRequest withParameters(Map<String, Object> value) {
        return new JobRequest(dataType, data, tlp, pap, message, value, label, force);
    }

    public JobRequest withLabel(String value) {
        return new JobRequest(dataType, data, tlp, pap, message, parameters, value, force);
    }

    public JobRequest forced() {
        return new JobRequest(dataType, data, tlp, pap, message, parameters, label, true);
    }

    /** The JSON body Cortex expects, without {@code data} when it is null (file jobs). */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        if (data != null) {
            json.put("data", data);
        }
        json.put("dataType", dataType);
        json.put("tlp", tlp);
        json.put("pap", pap);
        json.put("message", message);
        json.put("parameters", parameters);
        if (label != null) {
            json.put("label", label);
        }
        if (force) {
            json.put("force", true);
        }
        return json;
    }
}
