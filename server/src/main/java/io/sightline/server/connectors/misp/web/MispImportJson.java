package io.sightline.server.connectors.misp.web;

import io.sightline.server.api.JsonInput;
import io.sightline.server.api.Multipart;
import io.sightline.server.api.Unsupported;
import io.sightline.server.caseassembly.CaseAssemblyJson;
import io.sightline.server.connectors.misp.importing.EventFileImport;
import io.sightline.server.customfields.CustomFieldInput;
import io.sightline.server.customfields.CustomFieldJson;
import java.util.List;
import java.util.Set;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** TheHive 5's InputImportCase of a MISP event file: what the caller adds to the event's case. */
final class MispImportJson {
    private static final Set<String> FIELDS = Set.of("caseTemplate", "assignee", "tasks", "pages", "customFields",
            "sharingParameters", "taskRule", "observableRule");

    private MispImportJson() {}

    /** An absent {@code _json} part is an empty one: every field is optional. */
    static EventFileImport.Options options(MultipartHttpServletRequest request, JsonMapper json) {
        boolean absent = request.getParameter(Multipart.JSON_PART) == null && request.getFile(Multipart.JSON_PART) == null;
        JsonNode body = absent ? json.createObjectNode() : Multipart.json(request, json);
        JsonInput in = JsonInput.of(body, "MISP case import", FIELDS);
        Unsupported.rejectNonEmpty(in, "MISP case import", "sharingParameters", "taskRule", "observableRule");
        String assignee = in.string("assignee", 128).filter(s -> !s.isBlank()).orElse(null);
        var fields = in.hasValue("customFields") ? CustomFieldJson.read(in.raw("customFields"), "case") : List.<CustomFieldInput>of();
        return new EventFileImport.Options(CaseAssemblyJson.parts(body), assignee, fields);
    }
}
