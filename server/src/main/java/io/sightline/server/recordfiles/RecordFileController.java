package io.sightline.server.recordfiles;

import io.sightline.server.attachments.Attachment;
import io.sightline.server.attachments.Downloads;
import io.sightline.server.attachments.Upload;
import io.sightline.server.auth.CurrentPrincipal;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * TheHive 5's attachment routes of cases, alerts and the organisation: multipart uploads (one part
 * named {@code attachments} per file; {@code canRename} is accepted, names may repeat anyway),
 * downloads and deletes. Files are listed through {@code /api/v1/query} ({@code attachments}).
 */
@RestController
public class RecordFileController {
    private final RecordFileService files;

    public RecordFileController(RecordFileService files) {
        this.files = files;
    }

    @PostMapping(value = "/api/v1/case/{caseId}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Map<String, Object>> addToCase(@PathVariable String caseId,
            @RequestPart(value = "attachments", required = false) List<MultipartFile> parts) {
        return added(FileTarget.ofCase(caseId), parts);
    }

    @PostMapping(value = "/api/v1/alert/{alertId}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Map<String, Object>> addToAlert(@PathVariable String alertId,
            @RequestPart(value = "attachments", required = false) List<MultipartFile> parts,
            @RequestParam(value = "canRename", required = false) Boolean canRename) {
        return added(FileTarget.ofAlert(alertId), parts);
    }

    @PostMapping(value = "/api/v1/attachment", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Map<String, Object>> addToOrganisation(
            @RequestPart(value = "attachments", required = false) List<MultipartFile> parts,
            @RequestParam(value = "canRename", required = false) Boolean canRename) {
        return added(FileTarget.organisation(), parts);
    }

    @GetMapping("/api/v1/case/{caseId}/attachment/{fileId}/download")
    public ResponseEntity<Resource> downloadOfCase(@PathVariable String caseId, @PathVariable String fileId) {
        return download(files.get(CurrentPrincipal.get(), FileTarget.ofCase(caseId), fileId).file());
    }

    @GetMapping("/api/v1/alert/{alertId}/attachment/{fileId}/download")
    public ResponseEntity<Resource> downloadOfAlert(@PathVariable String alertId, @PathVariable String fileId) {
        return download(files.get(CurrentPrincipal.get(), FileTarget.ofAlert(alertId), fileId).file());
    }

    /** Any file of the caller's organisation: its own, or one of its cases', alerts', observables' or logs'. */
    @GetMapping("/api/v1/attachment/{fileId}/download")
    public ResponseEntity<Resource> download(@PathVariable String fileId) {
        return download(files.visible(CurrentPrincipal.get(), fileId));
    }

    @DeleteMapping("/api/v1/case/{caseId}/attachment/{fileId}")
    public ResponseEntity<Void> deleteOfCase(@PathVariable String caseId, @PathVariable String fileId) {
        return deleted(FileTarget.ofCase(caseId), fileId);
    }

    @DeleteMapping("/api/v1/alert/{alertId}/attachment/{fileId}")
    public ResponseEntity<Void> deleteOfAlert(@PathVariable String alertId, @PathVariable String fileId) {
        return deleted(FileTarget.ofAlert(alertId), fileId);
    }

    @DeleteMapping("/api/v1/attachment/{fileId}")
    public ResponseEntity<Void> deleteOfOrganisation(@PathVariable String fileId) {
        return deleted(FileTarget.organisation(), fileId);
    }

    private ResponseEntity<Map<String, Object>> added(FileTarget target, List<MultipartFile> parts) {
        List<Upload> uploads = parts == null ? List.of() : parts.stream().map(Upload::of).toList();
        List<RecordFile> added = files.add(CurrentPrincipal.get(), target, uploads);
        return ResponseEntity.status(HttpStatus.CREATED).body(RecordFileView.list(added));
    }

    private ResponseEntity<Void> deleted(FileTarget target, String fileId) {
        files.delete(CurrentPrincipal.get(), target, fileId);
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<Resource> download(Attachment a) {
        return Downloads.asIs(a, files.content(a));
    }
}
