package io.sightline.server.connectors.misp.web;

import io.sightline.server.api.JsonInput;
import io.sightline.server.api.Unsupported;
import io.sightline.server.caseassembly.CaseAssemblyJson;
import io.sightline.server.connectors.misp.importing.EventFileImport;
import io.sightline.server.core.Malformed;
import io.sightline.server.customfields.CustomFieldInput;
import io.sightline.server.customfields.CustomFieldJson;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** TheHive 5's InputImportCase of a MISP event file: what the caller adds to the event's case. */
final class MispImportJson {
    private static final Set<String> FIELDS = Set.of("caseTemplate", "assignee", "tasks", "pages", "customFields",
            "sharingParameters", "taskRule", "observableRule");

    private MispImportJson() {}

    /** An absent part is an empty one: every field is optional. */
    static EventFileImport.Options options(String jsonPart, JsonMapper json) {
        JsonNode body;
        try {
            body = json.readTree(jsonPart == null || jsonPart.isBlank() ? "{}" : jsonPart);
        } catch (JacksonException e) {
            throw new Malformed("Malformed JSON in part _json: " + e.getOriginalMessage());
        }
        JsonInput in = JsonInput.of(body, "MISP case import", FIELDS);
        Unsupported.rejectNonEmpty(in, "MISP case import", "sharingParameters", "taskRule", "observableRule");
        String assignee = in.string("assignee", 128).filter(s -> !s.isBlank()).orElse(null);
        var fields = in.hasValue("customFields") ? CustomFieldJson.read(in.raw("customFields"), "case") : List.<CustomFieldInput>of();
        return new EventFileImport.Options(CaseAssemblyJson.parts(body), assignee, fields);
    }
}
