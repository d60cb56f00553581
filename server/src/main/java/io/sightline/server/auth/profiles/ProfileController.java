package io.sightline.server.auth.profiles;

import io.sightline.server.api.JsonInput;
import io.sightline.server.auth.CurrentPrincipal;
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
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** TheHive 5's profile routes. */
@RestController
public class ProfileController {
    private static final Set<String> FIELDS = Set.of("name", "permissions");
    private static final int MAX_PERMISSIONS = 200;

    private final ProfileService profiles;

    public ProfileController(ProfileService profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/api/v1/profile")
    public List<Map<String, Object>> list() {
        return profiles.list(CurrentPrincipal.get()).stream().map(ProfileView::of).toList();
    }

    @PostMapping("/api/v1/profile")
    public ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) JsonNode body) {
        JsonInput in = JsonInput.of(body, "profile", FIELDS);
        NewProfile command = new NewProfile(in.requiredString("name", 64), in.strings("permissions", MAX_PERMISSIONS, 64).orElse(List.of()));
        return ResponseEntity.status(HttpStatus.CREATED).body(ProfileView.of(profiles.create(CurrentPrincipal.get(), command)));
    }

    @GetMapping("/api/v1/profile/{id}")
    public Map<String, Object> get(@PathVariable String id) {
        return ProfileView.of(profiles.get(CurrentPrincipal.get(), id));
    }

    @PatchMapping("/api/v1/profile/{id}")
    public ResponseEntity<Void> update(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        JsonInput in = JsonInput.of(body, "profile", FIELDS);
        profiles.update(CurrentPrincipal.get(), id, new ProfileChange(in.string("name", 64), in.strings("permissions", MAX_PERMISSIONS, 64)));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/profile/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        profiles.delete(CurrentPrincipal.get(), id);
        return ResponseEntity.noContent().build();
    }
}
