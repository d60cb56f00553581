package io.sightline.server.cases;

import io.sightline.server.api.JsonInput;
import io.sightline.server.common.BulkIds;
import io.sightline.server.core.Malformed;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * TheHive's bulk case PATCH ({@code InputBulkUpdateCase}): the fields of a case PATCH, read by
 * {@link CaseJson} with the same rules, plus the {@code ids} of the cases they apply to.
 */
final class CaseBulkJson {
    private CaseBulkJson() {}

    static BulkIds ids(JsonNode body) {
        Set<String> fields = new HashSet<>(CaseJson.FIELDS);
        fields.add("ids");
        JsonInput in = JsonInput.of(object(body), "case", fields);
        List<String> ids = in.strings("ids", BulkIds.MAX, 64).orElseThrow(() -> in.missing("ids"));
        return new BulkIds("case", ids);
    }

    static CaseChanges changes(JsonNode body) {
        ObjectNode fields = object(body).deepCopy();
        fields.remove("ids");
        return CaseJson.changes(fields);
    }

    private static ObjectNode object(JsonNode body) {
        if (body instanceof ObjectNode o) return o;
        throw new Malformed("The body of a bulk case update must be a JSON object with ids and case fields");
    }
}
