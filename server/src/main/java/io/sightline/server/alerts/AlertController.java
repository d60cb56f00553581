package io.sightline.server.alerts;

import io.sightline.server.api.Multipart;
import io.sightline.server.attachments.AttachmentStore;
import io.sightline.server.attachments.Upload;
import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseService;
import io.sightline.server.cases.CaseView;
import io.sightline.server.core.Invalid;
import io.sightline.server.observables.NewObservable;
import io.sightline.server.observables.ObservableAnswer;
import io.sightline.server.observables.ObservableDrafts;
import io.sightline.server.observables.ObservableJson;
import io.sightline.server.observables.ObservableRepository;
import io.sightline.server.observables.ObservableService;
import io.sightline.server.observables.ObservableView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** TheHive v1 alert routes, including promotion to a case and merge into a case. */
@RestController
public class AlertController {
    private final AlertService alerts;
    private final CaseService cases;
    private final ObservableService observables;
    private final ObservableDrafts drafts;
    private final ObservableRepository observableRepository;
    private final AttachmentStore attachments;
    private final JsonMapper json;

    public AlertController(AlertService alerts, ObservableService observables, ObservableDrafts drafts,
                           ObservableRepository observableRepository, CaseService cases, AttachmentStore attachments,
                           JsonMapper json) {
        this.attachments = attachments;
        this.json = json;
        this.cases = cases;
        this.alerts = alerts;
        this.observables = observables;
        this.drafts = drafts;
        this.observableRepository = observableRepository;
    }

    @PostMapping(value = "/api/v1/alert", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) JsonNode body) {
        Principal p = CurrentPrincipal.get();
        AlertRecord a = alerts.create(p, AlertJson.newAlert(body));
        return ResponseEntity.status(HttpStatus.CREATED).body(alerts.view(a, alerts.observableCount(a)));
    }

    /**
     * An alert with the files of its file observables (thehive4py's {@code attachment_map}): the
     * alert in part {@code _json}, each file in the part its observable's {@code attachment} names.
     */
    @PostMapping(value = "/api/v1/alert", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Map<String, Object>> createWithFiles(MultipartHttpServletRequest request) {
        Principal p = CurrentPrincipal.get();
        NewAlert n = AlertJson.newAlert(Multipart.json(request, json));
        Map<String, Upload> files = new LinkedHashMap<>();
        request.getMultiFileMap().forEach((name, parts) -> {
            if (name.equals(Multipart.JSON_PART)) return;
            if (parts.size() > 1) throw new Invalid("Part " + name + " is sent " + parts.size() + " times; each file needs its own name");
            files.put(name, Upload.of(parts.get(0)));
        });
        AlertRecord a = alerts.create(p, n, files);
        return ResponseEntity.status(HttpStatus.CREATED).body(alerts.view(a, alerts.observableCount(a)));
    }

    @PatchMapping("/api/v1/alert/_bulk")
    public ResponseEntity<Void> bulkUpdate(@RequestBody(required = false) JsonNode body) {
        alerts.updateAll(CurrentPrincipal.get(), AlertJson.bulkIds(body), AlertJson.bulkChanges(body));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/alert/delete/_bulk")
    public ResponseEntity<Void> bulkDelete(@RequestBody(required = false) JsonNode body) {
        alerts.deleteAll(CurrentPrincipal.get(), AlertJson.deleteIds(body));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/alert/{id}/follow")
    public Map<String, Object> follow(@PathVariable String id) {
        return setFollow(id, true);
    }

    @PostMapping("/api/v1/alert/{id}/unfollow")
    public Map<String, Object> unfollow(@PathVariable String id) {
        return setFollow(id, false);
    }

    private Map<String, Object> setFollow(String id, boolean follow) {
        AlertRecord a = alerts.update(CurrentPrincipal.get(), id, AlertChanges.NONE.withFollow(follow));
        return AlertView.of(a, alerts.observableCount(a));
    }

    @GetMapping("/api/v1/alert/{id}")
    public Map<String, Object> get(@PathVariable String id) {
        AlertRecord a = alerts.get(CurrentPrincipal.get(), id);
        return alerts.view(a, alerts.observableCount(a));
    }

    @PatchMapping("/api/v1/alert/{id}")
    public Map<String, Object> update(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        Principal p = CurrentPrincipal.get();
        AlertRecord a = alerts.update(p, id, AlertJson.changes(body));
        return alerts.view(a, alerts.observableCount(a));
    }

    @DeleteMapping("/api/v1/alert/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        alerts.delete(CurrentPrincipal.get(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(value = {"/api/v1/alert/{id}/observable", "/api/v1/alert/{id}/artifact"}, consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Object> addObservables(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        Principal p = CurrentPrincipal.require(Permission.MANAGE_ALERT);
        AlertRecord a = alerts.get(p, id);
        return ObservableAnswer.of(observables.addOrMerge(p, null, a.id(), drafts.of(ObservableJson.newObservable(body), null)), ObservableView::of);
    }

    /** A file observable: the observable in part {@code _json}, its file in part {@code attachment}. */
    @PostMapping(value = {"/api/v1/alert/{id}/observable", "/api/v1/alert/{id}/artifact"}, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Object> addFileObservable(@PathVariable String id, MultipartHttpServletRequest request) {
        Principal p = CurrentPrincipal.require(Permission.MANAGE_ALERT);
        AlertRecord a = alerts.get(p, id);
        NewObservable n = ObservableJson.newObservable(Multipart.json(request, json));
        MultipartFile file = request.getFile("attachment");
        if (file == null) return ObservableAnswer.of(observables.add(p, null, a.id(), drafts.of(n, null)), ObservableView::of);
        // a refused observable keeps neither its file nor its row
        return attachments.upload(Upload.of(file), stored -> ObservableAnswer.of(
                observables.add(p, null, a.id(), drafts.of(n, stored)), ObservableView::of));
    }

    @GetMapping("/api/v1/alert/{id}/observables")
    public List<Map<String, Object>> listObservables(@PathVariable String id) {
        AlertRecord a = alerts.get(CurrentPrincipal.get(), id);
        return observableRepository.ofAlert(a.id()).stream().map(ObservableView::of).toList();
    }

    @PostMapping("/api/v1/alert/{id}/case")
    public ResponseEntity<Map<String, Object>> promote(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        Principal p = CurrentPrincipal.get();
        var c = alerts.promote(p, id, AlertJson.caseOverrides(body), AlertJson.caseParts(body));
        return ResponseEntity.status(HttpStatus.CREATED).body(CaseView.of(c, cases.customFieldsOf(c.id())));
    }

    @PostMapping("/api/v1/alert/merge/_bulk")
    public Map<String, Object> bulkMerge(@RequestBody(required = false) JsonNode body) {
        AlertJson.BulkMerge merge = AlertJson.bulkMerge(body);
        return CaseView.of(alerts.mergeAll(CurrentPrincipal.get(), merge.alertIds(), merge.caseId()));
    }

    @PostMapping("/api/v1/alert/{id}/import/{caseId}")
    public Map<String, Object> importInto(@PathVariable String id, @PathVariable String caseId) {
        return CaseView.of(alerts.importInto(CurrentPrincipal.get(), id, caseId));
    }

    @DeleteMapping("/api/v1/case/{caseId}/alert/{id}")
    public ResponseEntity<Void> unlink(@PathVariable String caseId, @PathVariable String id) {
        alerts.unlink(CurrentPrincipal.get(), caseId, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/alert/{id}/merge/{caseId}")
    public Map<String, Object> merge(@PathVariable String id, @PathVariable String caseId) {
        return CaseView.of(alerts.merge(CurrentPrincipal.get(), id, caseId));
    }
}
