package io.sightline.server.observables;

import io.sightline.server.attachments.Attachment;
import io.sightline.server.attachments.AttachmentStore;
import io.sightline.server.attachments.Downloads;
import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseService;
import io.sightline.server.common.Ids;
import io.sightline.server.api.Flags;
import io.sightline.server.api.ShareJson;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.Malformed;
import io.sightline.server.core.NotFound;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** TheHive v1 observable routes of cases; alert observables are in the alerts package. */
@RestController
public class ObservableController {
    private final ObservableService observables;
    private final ObservableDrafts drafts;
    private final CaseService cases;
    private final AttachmentStore files;
    private final JsonMapper json;
    private final ObservableRepository repository;
    private final ObservableDetails details;

    public ObservableController(ObservableService observables, ObservableDrafts drafts, CaseService cases,
                                AttachmentStore files, JsonMapper json, ObservableRepository repository,
                                ObservableDetails details) {
        this.observables = observables;
        this.drafts = drafts;
        this.cases = cases;
        this.files = files;
        this.json = json;
        this.repository = repository;
        this.details = details;
    }

    @PostMapping(value = "/api/v1/case/{caseId}/observable", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Object> addToCase(@PathVariable String caseId, @RequestBody(required = false) JsonNode body) {
        Principal p = CurrentPrincipal.require(Permission.MANAGE_OBSERVABLE);
        // whether the caller sees the case (restricted cases too) is checked by the write itself
        long id = cases.idForGuardedWrite(p, caseId);
        List<ObservableDraft> values;
        try {
            values = drafts.of(ObservableJson.newObservable(body), null);
        } catch (Invalid refused) {
            cases.idOf(p, caseId); // an unknown or hidden case is a 404 whatever the body
            throw refused;
        }
        return sized(ObservableAnswer.of(observables.addOrMerge(p, id, null, values), ObservableView::of));
    }

    @PostMapping(value = "/api/v1/case/{caseId}/observable", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Object> addFileToCase(@PathVariable String caseId, @RequestPart("_json") String jsonPart,
                                                @RequestPart(value = "attachment", required = false) MultipartFile file) {
        Principal p = CurrentPrincipal.require(Permission.MANAGE_OBSERVABLE);
        long id = cases.idOf(p, caseId);
        NewObservable newObservable = ObservableJson.newObservable(parsePart(jsonPart));
        if (file == null) return sized(ObservableAnswer.of(observables.add(p, id, null, drafts.of(newObservable, null)), ObservableView::of));
        // a refused upload keeps neither its file nor its row
        return withUpload(file, attachment -> sized(ObservableAnswer.of(observables.add(p, id, null, drafts.of(newObservable, attachment)), ObservableView::of)));
    }

    @GetMapping("/api/v1/case/{caseId}/observables")
    public List<Map<String, Object>> ofCase(@PathVariable String caseId) {
        return repository.ofCase(cases.idOf(CurrentPrincipal.get(), caseId)).stream().map(ObservableView::of).toList();
    }

    /**
     * TheHive's shape, the same as the answer that created it; {@code ?details=seen} adds where else
     * the value was seen ({@code seenIn}, {@code extraData.seen}) and the intel naming it ({@code seenInIntel}).
     */
    @GetMapping("/api/v1/observable/{id}")
    public Map<String, Object> get(@PathVariable String id, @RequestParam(required = false) String details) {
        ObservableRecord o = observables.get(CurrentPrincipal.get(), id);
        if (details == null) return ObservableView.of(o);
        if (!details.equals("seen")) throw new Invalid("Parameter details can only be 'seen'");
        return this.details.of(CurrentPrincipal.get(), o);
    }

    @GetMapping("/api/v1/observable/{id}/similar")
    public List<Map<String, Object>> similar(@PathVariable String id) {
        Principal p = CurrentPrincipal.get();
        return ObservableView.sightings(observables.seenIn(p, observables.get(p, id)));
    }

    @GetMapping("/api/v1/observable/{id}/shares")
    public List<Map<String, Object>> shares(@PathVariable String id) {
        return observables.sharedWith(CurrentPrincipal.get(), id).stream()
                .map(org -> Map.<String, Object>of("organisationName", org)).toList();
    }

    @PostMapping("/api/v1/observable/{id}/shares")
    public ResponseEntity<Void> share(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        observables.share(CurrentPrincipal.get(), id, ShareJson.organisations(body));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/observable/{id}/shares")
    public ResponseEntity<Void> unshare(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        observables.unshare(CurrentPrincipal.get(), id, ShareJson.organisations(body));
        return ResponseEntity.noContent().build();
    }

    @PatchMapping("/api/v1/observable/_bulk")
    public ResponseEntity<Void> bulkUpdate(@RequestBody(required = false) JsonNode body) {
        observables.updateAll(CurrentPrincipal.get(), ObservableJson.bulkIds(body), ObservableJson.bulkChanges(body));
        return ResponseEntity.noContent().build();
    }

    @PatchMapping("/api/v1/observable/{id}")
    public Map<String, Object> update(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        Principal p = CurrentPrincipal.get();
        return ObservableView.of(observables.update(p, id, ObservableJson.changes(body)));
    }

    @DeleteMapping("/api/v1/observable/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        observables.delete(CurrentPrincipal.get(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/observable/{id}/download")
    public ResponseEntity<Resource> download(@PathVariable String id) {
        ObservableRecord o = observables.get(CurrentPrincipal.get(), id);
        if (o.attachment() == null) throw new NotFound("Observable " + id + " has no file");
        return Downloads.asIs(o.attachment(), contentOf(o));
    }

    /**
     * TheHive 5's download of an observable's file, by the file's "~id" or content id; with
     * {@code asZip} (alone or true) inside a zip protected by the password "malware".
     */
    @GetMapping("/api/v1/observable/{id}/attachment/{fileId}/download")
    public ResponseEntity<Resource> downloadFile(@PathVariable String id, @PathVariable String fileId,
                                          @RequestParam(value = "asZip", required = false) String asZip) {
        boolean zip = Flags.of("asZip", asZip);
        ObservableRecord o = observables.get(CurrentPrincipal.get(), id);
        Attachment a = o.attachment();
        if (a == null || !(Ids.format(a.id()).equals(fileId) || a.sha256().equals(fileId))) {
            throw new NotFound("Attachment " + fileId + " not found in observable " + id);
        }
        return zip ? Downloads.zipped(a, contentOf(o)) : Downloads.asIs(a, contentOf(o));
    }

    private java.nio.file.Path contentOf(ObservableRecord o) {
        return files.file(o.attachment()).orElseThrow(() -> new NotFound("File of observable " + Ids.format(o.id()) + " is missing"));
    }

    /**
     * The same answer rendered here, so that it goes out with a Content-Length in one write instead
     * of a flushed chunk and an end-of-body chunk: observable creation is the hot path of clients
     * that feed a case value by value.
     */
    private ResponseEntity<Object> sized(ResponseEntity<Object> answer) {
        return ResponseEntity.status(answer.getStatusCode()).contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsBytes(answer.getBody()));
    }

    JsonNode parsePart(String jsonPart) {
        try {
            return json.readTree(jsonPart);
        } catch (JacksonException e) {
            throw new Malformed("Malformed JSON in part _json: " + e.getOriginalMessage());
        }
    }

    <T> T withUpload(MultipartFile file, java.util.function.Function<Attachment, T> use) {
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "attachment" : file.getOriginalFilename();
        try (InputStream in = file.getInputStream()) {
            return files.upload(name, file.getContentType(), in, use);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
