package io.sightline.server.customfields;

import io.sightline.server.api.JsonInput;
import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.core.Invalid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/** TheHive 5's custom field routes. */
@RestController
public class CustomFieldController {
    private static final Set<String> FIELDS = Set.of("name", "displayName", "group", "description", "type", "mandatory", "options");
    private static final Set<String> UPDATE_FIELDS = Set.of("displayName", "group", "description", "type", "mandatory", "options");
    private static final int MAX_NAME = 64;
    private static final int MAX_DESCRIPTION = 1_048_576;
    private static final int MAX_OPTIONS = 1000;

    private final CustomFieldService fields;

    public CustomFieldController(CustomFieldService fields) {
        this.fields = fields;
    }

    @GetMapping("/api/v1/customField")
    public List<Map<String, Object>> list() {
        return fields.list(CurrentPrincipal.get()).stream().map(CustomFieldView::of).toList();
    }

    @GetMapping("/api/v1/customField/{idOrName}")
    public Map<String, Object> get(@PathVariable String idOrName) {
        return CustomFieldView.of(fields.get(CurrentPrincipal.get(), idOrName));
    }

    @PostMapping("/api/v1/customField")
    public ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) JsonNode body) {
        JsonInput in = JsonInput.of(body, "custom field", FIELDS);
        var command = new NewCustomField(in.requiredString("name", MAX_NAME), nonBlank(in, "displayName").orElse(null),
                in.requiredString("group", MAX_NAME), in.string("description", MAX_DESCRIPTION).orElseThrow(() -> in.missing("description")),
                CustomFieldType.parse(in.requiredString("type", 16)), options(in).orElse(List.of()),
                in.bool("mandatory").orElse(false));
        return ResponseEntity.status(HttpStatus.CREATED).body(CustomFieldView.of(fields.create(CurrentPrincipal.get(), command)));
    }

    @PatchMapping("/api/v1/customField/{idOrName}")
    public ResponseEntity<Void> update(@PathVariable String idOrName, @RequestBody(required = false) JsonNode body) {
        JsonInput in = JsonInput.of(body, "custom field", UPDATE_FIELDS);
        var changes = new CustomFieldChanges(nonBlank(in, "displayName"), nonBlank(in, "group"),
                in.string("description", MAX_DESCRIPTION), nonBlank(in, "type").map(CustomFieldType::parse),
                options(in), in.bool("mandatory"));
        fields.update(CurrentPrincipal.get(), idOrName, changes);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/customField/{idOrName}")
    public ResponseEntity<Void> delete(@PathVariable String idOrName, @RequestParam(defaultValue = "false") boolean force) {
        fields.delete(CurrentPrincipal.get(), idOrName, force);
        return ResponseEntity.noContent().build();
    }

    private static Optional<String> nonBlank(JsonInput in, String field) {
        return in.hasValue(field) ? Optional.of(in.requiredString(field, MAX_NAME)) : Optional.empty();
    }

    private static Optional<List<RawValue>> options(JsonInput in) {
        if (!in.hasValue("options")) return Optional.empty();
        JsonNode v = in.raw("options");
        if (!v.isArray()) throw in.typeError("options", "an array");
        if (v.size() > MAX_OPTIONS) throw new Invalid("Field options of custom field has " + v.size() + " items, at most " + MAX_OPTIONS);
        List<RawValue> out = new ArrayList<>();
        for (JsonNode item : v) out.add(CustomFieldJson.raw(item));
        return Optional.of(out);
    }
}
