package io.sightline.server.casearchive;

import io.sightline.server.api.JsonInput;
import io.sightline.server.api.Multipart;
import io.sightline.server.api.TemporaryUpload;
import io.sightline.server.api.Unsupported;
import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.cases.CaseService;
import io.sightline.server.cases.CaseView;
import io.sightline.server.core.Invalid;
import io.sightline.server.observables.ObservableView;
import io.sightline.server.procedures.ProcedureView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** TheHive 5's case archive routes: export to a .thar file, import one as a new case. */
@RestController
public class CaseArchiveController {
    private static final Set<String> IMPORT_FIELDS = Set.of("password", "sharingParameters", "taskRule", "observableRule");

    private final CaseArchiveService archives;
    private final CaseService cases;
    private final JsonMapper json;

    public CaseArchiveController(CaseArchiveService archives, CaseService cases, JsonMapper json) {
        this.archives = archives;
        this.cases = cases;
        this.json = json;
    }

    @GetMapping("/api/v1/case/{idOrNumber}/export")
    public ResponseEntity<Resource> export(@PathVariable String idOrNumber, @RequestParam String password) {
        return ArchiveDownload.of(archives, CurrentPrincipal.get(), idOrNumber, password);
    }

    @PostMapping(value = "/api/v1/case/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Map<String, Object> importArchive(MultipartHttpServletRequest request,
                                             @RequestPart(value = "file", required = false) MultipartFile file) {
        Principal p = CurrentPrincipal.get();
        String password = password(Multipart.json(request, json));
        if (file == null || file.isEmpty()) throw new Invalid("Part file is required: the case archive (.thar) to import");
        return view(TemporaryUpload.use(file, path -> archives.importArchive(p, path, password)));
    }

    /** The answer of TheHive 5's import: the case, its observables and its procedures. */
    Map<String, Object> view(CaseArchiveService.Imported imported) {
        Map<String, Object> out = new LinkedHashMap<>();
        CaseRecord c = imported.caseRecord();
        out.put("case", CaseView.of(c, cases.customFieldsOf(c.id())));
        out.put("observables", imported.observables().stream().map(ObservableView::of).toList());
        out.put("procedures", imported.procedures().stream().map(ProcedureView::of).toList());
        return out;
    }

    private static String password(JsonNode body) {
        JsonInput in = JsonInput.of(body, "case import", IMPORT_FIELDS);
        Unsupported.rejectNonEmpty(in, "case import", "sharingParameters", "taskRule", "observableRule");
        return in.requiredString("password", 512);
    }
}
