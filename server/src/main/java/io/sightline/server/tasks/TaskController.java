package io.sightline.server.tasks;

import io.sightline.server.api.ShareJson;
import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.core.DomainException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** TheHive 5's task routes; updates answer 204 as TheHive 5 does. */
@RestController
public class TaskController {
    private final TaskService tasks;

    public TaskController(TaskService tasks) {
        this.tasks = tasks;
    }

    @PostMapping("/api/v1/case/{caseId}/task")
    public ResponseEntity<Map<String, Object>> create(@PathVariable String caseId, @RequestBody(required = false) JsonNode body) {
        Principal p = CurrentPrincipal.require(Permission.MANAGE_TASK);
        NewTask task;
        try {
            task = TaskInput.newTask(body);
        } catch (DomainException invalid) {
            tasks.caseId(p, caseId); // an unknown case is reported before an invalid body
            throw invalid;
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(TaskView.of(tasks.create(p, caseId, task)));
    }

    @GetMapping("/api/v1/case/{caseId}/task")
    public List<Map<String, Object>> ofCase(@PathVariable String caseId) {
        return tasks.ofCase(CurrentPrincipal.get(), caseId).stream().map(TaskView::of).toList();
    }

    @GetMapping("/api/v1/task/{id}")
    public Map<String, Object> get(@PathVariable String id) {
        return TaskView.of(tasks.get(CurrentPrincipal.get(), id));
    }

    @PatchMapping("/api/v1/task/_bulk")
    public ResponseEntity<Void> bulkUpdate(@RequestBody(required = false) JsonNode body) {
        var bulk = TaskInput.bulk(body);
        tasks.update(CurrentPrincipal.get(), bulk.ids(), bulk.changes());
        return ResponseEntity.noContent().build();
    }

    @PatchMapping("/api/v1/task/{id}")
    public ResponseEntity<Void> update(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        tasks.update(CurrentPrincipal.get(), id, TaskInput.changes(body));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/task/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        tasks.delete(CurrentPrincipal.get(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/task/{id}/shares")
    public List<Map<String, Object>> shares(@PathVariable String id) {
        return tasks.sharedWith(CurrentPrincipal.get(), id).stream().map(org -> Map.<String, Object>of("organisationName", org)).toList();
    }

    @PostMapping("/api/v1/task/{id}/shares")
    public ResponseEntity<Void> share(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        tasks.share(CurrentPrincipal.get(), id, ShareJson.organisations(body));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/task/{id}/shares")
    public ResponseEntity<Void> unshare(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        tasks.unshare(CurrentPrincipal.get(), id, ShareJson.organisations(body));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/task/{id}/actionRequired")
    public Map<String, Boolean> actionsRequired(@PathVariable String id) {
        return tasks.actionsRequired(CurrentPrincipal.get(), id);
    }

    @PutMapping("/api/v1/task/{id}/actionRequired/{organisation}")
    public ResponseEntity<Void> actionRequired(@PathVariable String id, @PathVariable String organisation) {
        tasks.setActionRequired(CurrentPrincipal.get(), id, organisation, true);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/v1/task/{id}/actionDone/{organisation}")
    public ResponseEntity<Void> actionDone(@PathVariable String id, @PathVariable String organisation) {
        tasks.setActionRequired(CurrentPrincipal.get(), id, organisation, false);
        return ResponseEntity.noContent().build();
    }
}
