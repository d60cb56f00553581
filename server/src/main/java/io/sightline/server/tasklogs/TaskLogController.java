package io.sightline.server.tasklogs;

import io.sightline.server.attachments.AttachmentStore;
import io.sightline.server.attachments.Downloads;
import io.sightline.server.attachments.Upload;
import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.core.DomainException;
import io.sightline.server.core.Malformed;
import io.sightline.server.core.NotFound;
import io.sightline.server.tasks.TaskService;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** TheHive 5's task log routes; updates answer 204 as TheHive 5 does. */
@RestController
public class TaskLogController {
    private final TaskLogService logs;
    private final TaskService tasks;
    private final AttachmentStore files;
    private final JsonMapper json;

    public TaskLogController(TaskLogService logs, TaskService tasks, AttachmentStore files, JsonMapper json) {
        this.logs = logs;
        this.tasks = tasks;
        this.files = files;
        this.json = json;
    }

    @PostMapping(value = "/api/v1/task/{taskId}/log", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> create(@PathVariable String taskId, @RequestBody(required = false) JsonNode body) {
        Principal p = CurrentPrincipal.require(Permission.MANAGE_TASK);
        NewLog log = read(p, taskId, () -> TaskLogInput.newLog(body, false));
        return created(logs.create(p, taskId, log, List.of()));
    }

    @PostMapping(value = "/api/v1/task/{taskId}/log", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Map<String, Object>> createWithFiles(@PathVariable String taskId, @RequestPart("_json") String jsonPart,
            @RequestPart(value = "attachments", required = false) List<MultipartFile> attachments) {
        Principal p = CurrentPrincipal.require(Permission.MANAGE_TASK);
        NewLog log = read(p, taskId, () -> TaskLogInput.newLog(parsePart(jsonPart), true));
        return created(logs.create(p, taskId, log, uploads(attachments)));
    }

    @GetMapping("/api/v1/task/{taskId}/log")
    public List<Map<String, Object>> ofTask(@PathVariable String taskId) {
        return logs.ofTask(CurrentPrincipal.get(), taskId).stream().map(TaskLogView::of).toList();
    }

    @GetMapping("/api/v1/log/{id}")
    public Map<String, Object> get(@PathVariable String id) {
        return TaskLogView.of(logs.get(CurrentPrincipal.get(), id));
    }

    @PatchMapping("/api/v1/log/{id}")
    public ResponseEntity<Void> update(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        logs.update(CurrentPrincipal.get(), id, TaskLogInput.changes(body));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/log/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        logs.delete(CurrentPrincipal.get(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(value = "/api/v1/log/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Void> addFiles(@PathVariable String id,
            @RequestPart(value = "attachments", required = false) List<MultipartFile> attachments) {
        logs.addFiles(CurrentPrincipal.get(), id, uploads(attachments));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/log/{id}/attachments/{fileId}")
    public ResponseEntity<Void> deleteFile(@PathVariable String id, @PathVariable String fileId) {
        logs.deleteFile(CurrentPrincipal.get(), id, fileId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/log/{id}/attachment/{fileId}/download")
    public ResponseEntity<Resource> download(@PathVariable String id, @PathVariable String fileId) {
        LogFile f = logs.file(CurrentPrincipal.get(), id, fileId);
        var path = files.file(f.file()).orElseThrow(() -> new NotFound("File " + fileId + " of log " + id + " is missing"));
        return Downloads.asIs(f.file(), path);
    }

    /** Reads the body; when it is refused, an unknown task is reported first (404 before 400). */
    private NewLog read(Principal p, String taskId, java.util.function.Supplier<NewLog> reader) {
        try {
            return reader.get();
        } catch (DomainException invalid) {
            tasks.get(p, taskId);
            throw invalid;
        }
    }

    private static ResponseEntity<Map<String, Object>> created(LogRecord l) {
        return ResponseEntity.status(HttpStatus.CREATED).body(TaskLogView.of(l));
    }

    private JsonNode parsePart(String jsonPart) {
        try {
            return json.readTree(jsonPart);
        } catch (JacksonException e) {
            throw new Malformed("Malformed JSON in part _json: " + e.getOriginalMessage());
        }
    }

    private static List<Upload> uploads(List<MultipartFile> parts) {
        if (parts == null) return List.of();
        return parts.stream().map(Upload::of).toList();
    }
}
