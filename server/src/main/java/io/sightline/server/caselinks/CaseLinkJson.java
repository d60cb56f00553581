package io.sightline.server.caselinks;

import io.sightline.server.api.JsonInput;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** TheHive's InputCaseLink ({@code type}, {@code caseId}) and InputExternalLink ({@code type}, {@code url}) read into commands. */
final class CaseLinkJson {
    private CaseLinkJson() {}

    static CaseLinkCommand toCase(JsonNode body) {
        JsonInput in = JsonInput.of(body, "case link", Set.of("type", "caseId"));
        return new CaseLinkCommand.ToCase(type(in), in.text("caseId").orElseThrow(() -> in.missing("caseId")));
    }

    static CaseLinkCommand toUrl(JsonNode body) {
        JsonInput in = JsonInput.of(body, "external link", Set.of("type", "url"));
        return new CaseLinkCommand.ToUrl(type(in), in.text("url").orElseThrow(() -> in.missing("url")));
    }

    private static String type(JsonInput in) {
        return in.text("type").orElseThrow(() -> in.missing("type"));
    }
}
