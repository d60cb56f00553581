package io.sightline.server.alerts;

import io.sightline.server.cases.CaseChanges;
import io.sightline.server.cases.CaseJson;
import io.sightline.server.core.Malformed;
import tools.jackson.databind.JsonNode;

/** TheHive's alert JSON read into commands; the domain rules are the service's. */
final class AlertJson {
    private AlertJson() {}

    /** The body of a promotion: case fields overriding the alert's, or none. */
    static CaseChanges caseOverrides(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) return CaseChanges.NONE;
        if (!body.isObject()) throw new Malformed("The body of a promotion must be a JSON object of case fields");
        return CaseJson.changes(body);
    }
}
