package io.sightline.server.timeline;

import io.sightline.server.api.JsonInput;
import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.core.Invalid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** TheHive 5's timeline and custom event routes. */
@RestController
public class TimelineController {
    private static final Set<String> FIELDS = Set.of("date", "endDate", "title", "description");

    private final TimelineService timelines;
    private final CustomEventService customEvents;

    public TimelineController(TimelineService timelines, CustomEventService customEvents) {
        this.timelines = timelines;
        this.customEvents = customEvents;
    }

    /** {@code limit}: at most this many events, the most recent ones (default 500, at most 2000). */
    @GetMapping("/api/v1/case/{caseId}/timeline")
    public Map<String, Object> timeline(@PathVariable String caseId,
                                        @RequestParam(defaultValue = "" + TimelineService.DEFAULT_LIMIT) int limit) {
        List<Map<String, Object>> events = timelines.of(CurrentPrincipal.get(), caseId, limit).stream()
                .map(TimelineController::view).toList();
        return Map.of("events", events);
    }

    @PostMapping("/api/v1/case/{caseId}/customEvent")
    public ResponseEntity<Map<String, Object>> create(@PathVariable String caseId, @RequestBody(required = false) JsonNode body) {
        JsonInput in = JsonInput.of(body, "custom event", FIELDS);
        var event = new NewCustomEvent(in.epochMillis("date").orElseThrow(() -> in.missing("date")),
                in.epochMillis("endDate").orElse(null), in.requiredString("title", CustomEventService.MAX_TITLE),
                in.string("description", CustomEventService.MAX_DESCRIPTION).orElse(null));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(CustomEventView.of(customEvents.create(CurrentPrincipal.get(), caseId, event)));
    }

    @GetMapping("/api/v1/customEvent/{eventId}")
    public Map<String, Object> get(@PathVariable String eventId) {
        return CustomEventView.of(customEvents.get(CurrentPrincipal.get(), eventId));
    }

    @PatchMapping("/api/v1/customEvent/{eventId}")
    public ResponseEntity<Void> update(@PathVariable String eventId, @RequestBody(required = false) JsonNode body) {
        JsonInput in = JsonInput.of(body, "custom event", FIELDS);
        for (String required : List.of("date", "title")) {
            if (in.has(required) && !in.hasValue(required)) throw new Invalid("Field " + required + " of custom event cannot be removed");
        }
        var changes = new CustomEventChanges(in.epochMillis("date").orElse(null), in.epochMillis("endDate").orElse(null),
                in.string("title", CustomEventService.MAX_TITLE).orElse(null),
                in.has("description") ? in.string("description", CustomEventService.MAX_DESCRIPTION).orElse("") : null);
        customEvents.update(CurrentPrincipal.get(), eventId, changes);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/customEvent/{eventId}")
    public ResponseEntity<Void> delete(@PathVariable String eventId) {
        customEvents.delete(CurrentPrincipal.get(), eventId);
        return ResponseEntity.noContent().build();
    }

    private static Map<String, Object> view(TimelineEvent e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("date", e.date());
        if (e.endDate() != null) out.put("endDate", e.endDate());
        out.put("kind", e.kind());
        out.put("entity", e.entity());
        out.put("entityId", e.entityId());
        out.put("details", e.details());
        return out;
    }
}
