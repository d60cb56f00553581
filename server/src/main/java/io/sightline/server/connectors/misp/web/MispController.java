package io.sightline.server.connectors.misp.web;

import io.sightline.server.api.TemporaryUpload;
import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.cases.CaseService;
import io.sightline.server.cases.CaseView;
import io.sightline.server.connectors.misp.importing.EventFileImport;
import io.sightline.server.core.Invalid;
import io.sightline.server.connectors.misp.MispConnector;
import io.sightline.server.connectors.misp.exporting.MispExportService;
import io.sightline.server.auth.Permission;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * TheHive's MISP routes (v0 as TheHive 4's UI calls them, v1 as thehive4py does) plus the export
 * history of a case:
 * <ul>
 *   <li>{@code GET /api/connector/misp/_syncAlerts}, {@code GET /api/v1/connector/misp/_syncAlerts}:
 *       sync every importing server now; 204 at once, also without any MISP server (permission {@code manageConfig});</li>
 *   <li>{@code POST /api/connector/misp/export/{caseIdOrNumber}/{mispName}} and the v1 path:
 *       export the case; 204 (permission {@code manageShare}); 404 for a MISP server that is not
 *       configured; 400 with MISP's message when MISP refuses;</li>
 *   <li>{@code GET /api/v1/case/{caseIdOrNumber}/misp}: the case's events in MISP and each export;</li>
 *   <li>{@code POST /api/v1/connector/misp/case/import}: a MISP event file (part {@code file}) as a new case,
 *       with the template, tasks, pages, assignee and custom fields of part {@code _json}; 201 with the case.</li>
 * </ul>
 * {@code GET /api/v1/connector/misp/status} is served by the status package, which owns the
 * TheHive status entry.
 */
@RestController
public class MispController {
    private final MispConnector connector;
    private final MispExportService exports;
    private final EventFileImport eventFiles;
    private final CaseService cases;
    private final JsonMapper json;

    public MispController(MispConnector connector, MispExportService exports, EventFileImport eventFiles,
                          CaseService cases, JsonMapper json) {
        this.connector = connector;
        this.exports = exports;
        this.eventFiles = eventFiles;
        this.cases = cases;
        this.json = json;
    }

    @GetMapping({"/api/connector/misp/_syncAlerts", "/api/v1/connector/misp/_syncAlerts"})
    public ResponseEntity<Void> sync() {
        CurrentPrincipal.require(Permission.MANAGE_CONFIG);
        // without a MISP server there is nothing to sync: done at once, as TheHive answers
        if (connector.enabled()) connector.syncNow();
        return ResponseEntity.noContent().build();
    }

    @PostMapping({"/api/connector/misp/export/{caseId}/{mispName}", "/api/v1/connector/misp/export/{caseId}/{mispName}"})
    public ResponseEntity<Void> export(@PathVariable String caseId, @PathVariable String mispName) {
        exports.export(CurrentPrincipal.get(), caseId, mispName);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/case/{caseId}/misp")
    public List<Map<String, Object>> caseExports(@PathVariable String caseId) {
        return exports.exportsOf(CurrentPrincipal.get(), caseId).stream().map(CaseExportJson::of).toList();
    }

    @PostMapping(value = "/api/v1/connector/misp/case/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Map<String, Object>> importEventFile(MultipartHttpServletRequest request,
                                                               @RequestPart(value = "file", required = false) MultipartFile file) {
        Principal p = CurrentPrincipal.get();
        EventFileImport.Options options = MispImportJson.options(request, json);
        if (file == null || file.isEmpty()) throw new Invalid("Part file is required: the MISP event (JSON) to import");
        CaseRecord created = TemporaryUpload.use(file, path -> eventFiles.importEvent(p, path, options));
        return ResponseEntity.status(HttpStatus.CREATED).body(CaseView.of(created, cases.customFieldsOf(created.id())));
    }
}
