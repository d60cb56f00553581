package io.sightline.server.comments;

import io.sightline.server.auth.CurrentPrincipal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * TheHive v1 comment routes. A change answers 204 as TheHive does; listing a case's or an alert's
 * comments goes through {@code POST /api/v1/query} (steps {@code comments}).
 */
@RestController
public class CommentController {
    private final CommentService comments;

    public CommentController(CommentService comments) {
        this.comments = comments;
    }

    @PostMapping("/api/v1/case/{caseId}/comment")
    public ResponseEntity<Map<String, Object>> addToCase(@PathVariable String caseId, @RequestBody(required = false) JsonNode body) {
        CommentRecord c = comments.addToCase(CurrentPrincipal.get(), caseId, CommentInput.newComment(body));
        return ResponseEntity.status(HttpStatus.CREATED).body(CommentView.of(c));
    }

    @PostMapping("/api/v1/alert/{alertId}/comment")
    public ResponseEntity<Map<String, Object>> addToAlert(@PathVariable String alertId, @RequestBody(required = false) JsonNode body) {
        CommentRecord c = comments.addToAlert(CurrentPrincipal.get(), alertId, CommentInput.newComment(body));
        return ResponseEntity.status(HttpStatus.CREATED).body(CommentView.of(c));
    }

    @PatchMapping("/api/v1/comment/{id}")
    public ResponseEntity<Void> update(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        comments.update(CurrentPrincipal.get(), id, CommentInput.change(body));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/comment/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        comments.delete(CurrentPrincipal.get(), id);
        return ResponseEntity.noContent().build();
    }
}
