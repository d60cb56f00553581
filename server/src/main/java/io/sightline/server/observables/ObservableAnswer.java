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
        List<Map<String, Object>> failures = views(outcome.failures());
        if (created.isEmpty()) {
            ObservableRefusal first = outcome.failures().get(0);
            String message = failures.size() == 1 ? first.message()
                    : failures.size() + " observables refused; first: " + first.message();
            Object details = failures.size() == 1 ? failures.get(0).get("object") : failures;
            throw first.kind() == ObservableRefusal.Kind.DUPLICATE ? new Conflict(message, details) : new Invalid(message, details);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", created);
        body.put("failure", failures);
        return ResponseEntity.status(HttpStatus.MULTI_STATUS).body(body);
    }

    /** TheHive's failure entries: {@code {type, message, object: {data}}}, type CreateError for a duplicate. */
    public static List<Map<String, Object>> views(List<ObservableRefusal> refusals) {
        return refusals.stream().map(r -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("type", r.kind() == ObservableRefusal.Kind.DUPLICATE ? "CreateError" : "AttributeCheckingError");
            f.put("message", r.message());
            f.put("object", r.data() == null ? Map.of() : Map.of("data", r.data()));
            return f;
        }).toList();
    }
}
