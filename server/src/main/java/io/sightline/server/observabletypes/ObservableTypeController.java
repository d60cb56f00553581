package io.sightline.server.observabletypes;

import io.sightline.server.api.JsonInput;
import io.sightline.server.auth.CurrentPrincipal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** TheHive 5's observable type routes. */
@RestController
public class ObservableTypeController {
    private final ObservableTypeService types;

    public ObservableTypeController(ObservableTypeService types) {
        this.types = types;
    }

    @GetMapping("/api/v1/observable/type")
    public List<Map<String, Object>> list() {
        return types.list(CurrentPrincipal.get()).stream().map(ObservableTypeView::of).toList();
    }

    @PostMapping("/api/v1/observable/type")
    public ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) JsonNode body) {
        JsonInput in = JsonInput.of(body, "observable type", Set.of("name", "isAttachment"));
        var command = new NewObservableType(in.requiredString("name", 64), in.bool("isAttachment").orElse(false));
        return ResponseEntity.status(HttpStatus.CREATED).body(ObservableTypeView.of(types.create(CurrentPrincipal.get(), command)));
    }

    @GetMapping("/api/v1/observable/type/{id}")
    public Map<String, Object> get(@PathVariable String id) {
        return ObservableTypeView.of(types.get(CurrentPrincipal.get(), id));
    }

    @DeleteMapping("/api/v1/observable/type/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        types.delete(CurrentPrincipal.get(), id);
        return ResponseEntity.noContent().build();
    }
}
