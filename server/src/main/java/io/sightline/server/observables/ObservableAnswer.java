package io.sightline.server.observables;

import io.sightline.server.core.Conflict;
import io.sightline.server.core.Invalid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * TheHive's answer to adding observables, shared by the case and the alert routes: 201 with the
 * array when every value was added, 207 with successes and failures when some were refused, and
 * a failure ({@code {type, message}}) when none was.
 */
public final class ObservableAnswer {
    private ObservableAnswer() {}

    /** @param view how each added observable is shown: as {@code GET /api/v1/observable/{id}} shows it */
    public static ResponseEntity<Object> of(ObservableService.Outcome outcome, Function<ObservableRecord, Map<String, Object>> view) {
        List<Map<String, Object>> created = outcome.created().stream().map(view).toList();
        if (outcome.failures().isEmpty()) return ResponseEntity.status(HttpStatus.CREATED).body(created);
        if (created.isEmpty()) {
            Map<String, Object> first = outcome.failures().get(0);
            String message = outcome.failures().size() == 1 ? (String) first.get("message")
                    : outcome.failures().size() + " observables refused; first: " + first.get("message");
            Object details = outcome.failures().size() == 1 ? first.get("object") : outcome.failures();
            // A failure entry is a duplicate (CreateError) or a value the observable rules refused.
            throw "CreateError".equals(first.get("type")) ? new Conflict(message, details) : new Invalid(message, details);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", created);
        body.put("failure", outcome.failures());
        return ResponseEntity.status(HttpStatus.MULTI_STATUS).body(body);
    }
}
