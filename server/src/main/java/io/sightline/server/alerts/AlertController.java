package io.sightline.server.alerts;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseService;
import io.sightline.server.cases.CaseView;
import io.sightline.server.observables.ObservableAnswer;
import io.sightline.server.observables.ObservableDrafts;
import io.sightline.server.observables.ObservableJson;
import io.sightline.server.observables.ObservableRepository;
import io.sightline.server.observables.ObservableService;
import io.sightline.server.observables.ObservableView;
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
import tools.jackson.databind.JsonNode;

/** TheHive v1 alert routes, including promotion to a case and merge into a case. */
@RestController
public class AlertController {
    private final AlertService alerts;
    private final CaseService cases;
    private final ObservableService observables;
    private final ObservableDrafts drafts;
    private final ObservableRepository observableRepository;

    public AlertController(AlertService alerts, ObservableService observables, ObservableDrafts drafts,
                           ObservableRepository observableRepository, CaseService cases) {
        this.cases = cases;
        this.alerts = alerts;
        this.observables = observables;
        this.drafts = drafts;
        this.observableRepository = observableRepository;
    }

    @PostMapping("/api/v1/alert")
    public ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) JsonNode body) {
        Principal p = CurrentPrincipal.get();
        AlertRecord a = alerts.create(p, AlertJson.newAlert(body));
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

    @GetMapping("/api/v1/alert/{id}/observables")
    public List<Map<String, Object>> listObservables(@PathVariable String id) {
        AlertRecord a = alerts.get(CurrentPrincipal.get(), id);
        return observableRepository.ofAlert(a.id()).stream().map(ObservableView::of).toList();
    }

    @PostMapping("/api/v1/alert/{id}/case")
    public ResponseEntity<Map<String, Object>> promote(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        Principal p = CurrentPrincipal.get();
        var c = alerts.promote(p, id, AlertJson.caseOverrides(body), AlertJson.caseParts(body));
        return ResponseEntity.status(HttpStatus.CREATED).body(cases.view(c));
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
