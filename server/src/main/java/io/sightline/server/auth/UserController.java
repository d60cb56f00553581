package io.sightline.server.auth;

import io.sightline.server.api.JsonInput;
import io.sightline.server.core.NotFound;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Users, passwords and API keys (TheHive v1 paths plus MISP-style multi-key management). */
@RestController
public class UserController {
    private static final Set<String> KEY_FIELDS = Set.of("comment", "allowedIps", "expiresAt", "readOnly");

    private final UserService users;
    private final ApiKeyService keys;

    public UserController(UserService users, ApiKeyService keys) {
        this.users = users;
        this.keys = keys;
    }

    @GetMapping("/api/v1/user/current")
    public Map<String, Object> current() {
        Principal p = CurrentPrincipal.get();
        User u = users.get(p, "~" + p.userId());
        return UserView.of(u, users.memberships(u), p, keys.hasUsableKey(u.id()));
    }

    @GetMapping("/api/v1/user")
    public List<Map<String, Object>> list() {
        Principal p = CurrentPrincipal.get();
        return users.list(p).stream().map(u -> UserView.of(u, users.memberships(u), p, keys.hasUsableKey(u.id()))).toList();
    }

    @PostMapping("/api/v1/user")
    public ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) JsonNode body) {
        Principal p = CurrentPrincipal.get();
        User u = users.create(p, UserJson.newUser(body));
        return ResponseEntity.status(HttpStatus.CREATED).body(UserView.of(u, users.memberships(u), p, keys.hasUsableKey(u.id())));
    }

    @GetMapping("/api/v1/user/{id}")
    public Map<String, Object> get(@PathVariable String id) {
        Principal p = CurrentPrincipal.get();
        User u = users.get(p, id);
        return UserView.of(u, users.memberships(u), p, keys.hasUsableKey(u.id()));
    }

    @PatchMapping("/api/v1/user/{id}")
    public Map<String, Object> update(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        Principal p = CurrentPrincipal.get();
        User u = users.update(p, id, UserJson.changes(body));
        return UserView.of(u, users.memberships(u), p, keys.hasUsableKey(u.id()));
    }

    @DeleteMapping("/api/v1/user/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        users.delete(CurrentPrincipal.get(), id);
        return ResponseEntity.noContent().build();
    }

    /**
     * TheHive 5's removal of a user; its {@code organisation} parameter names the organisation the
     * call acts in, which the hub reads from the caller. See {@link UserService#forceDelete}.
     */
    @DeleteMapping("/api/v1/user/{id}/force")
    public ResponseEntity<Void> forceDelete(@PathVariable String id) {
        users.forceDelete(CurrentPrincipal.get(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/user/{id}/password/set")
    public ResponseEntity<Void> setPassword(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        JsonInput in = JsonInput.of(body, "password change", Set.of("password"));
        users.setPassword(CurrentPrincipal.require(Permission.MANAGE_USERS), id, null, in.requiredString("password", 1024));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/user/{id}/password/change")
    public ResponseEntity<Void> changePassword(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        JsonInput in = JsonInput.of(body, "password change", Set.of("currentPassword", "password"));
        users.setPassword(CurrentPrincipal.get(), id, in.string("currentPassword", 1024).orElse(null), in.requiredString("password", 1024));
        return ResponseEntity.noContent().build();
    }

    /** TheHive's renew: revokes the user's keys and answers the new secret as plain text. */
    @PostMapping(value = "/api/v1/user/{id}/key/renew", produces = MediaType.TEXT_PLAIN_VALUE)
    public String renewKey(@PathVariable String id) {
        Principal p = CurrentPrincipal.get();
        return keys.renew(p, users.forAccountChange(p, id)).secret();
    }

    /**
     * TheHive's "get the key", without the key: keys are stored hashed and shown once, when made or
     * renewed (docs/users-and-keys.md). The answer names the newest usable key by its listed prefix,
     * visibly cut short so that it can never be taken for a key; 404 when the user has none.
     */
    @GetMapping(value = "/api/v1/user/{id}/key", produces = MediaType.TEXT_PLAIN_VALUE)
    public String getKey(@PathVariable String id) {
        Principal p = CurrentPrincipal.get();
        User owner = users.forAccountRead(p, id);
        ApiKey newest = keys.newestUsable(owner.id())
                .orElseThrow(() -> new NotFound("User " + owner.login() + " has no API key"));
        return ApiKeyView.masked(newest);
    }

    /** TheHive's one-key removal: revokes every usable key of the user. */
    @DeleteMapping("/api/v1/user/{id}/key")
    public ResponseEntity<Void> removeKeys(@PathVariable String id) {
        Principal p = CurrentPrincipal.get();
        keys.revokeAll(p, users.forAccountChange(p, id));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/user/{id}/keys")
    public List<Map<String, Object>> listKeys(@PathVariable String id) {
        Principal p = CurrentPrincipal.get();
        return keys.ofUser(users.forAccountRead(p, id).id()).stream().map(ApiKeyView::of).toList();
    }

    @PostMapping("/api/v1/user/{id}/keys")
    public ResponseEntity<Map<String, Object>> createKey(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        Principal p = CurrentPrincipal.get();
        User owner = users.forAccountChange(p, id);
        JsonInput in = JsonInput.of(body, "API key", KEY_FIELDS);
        // A field left out takes the calling key's limit (none for a password login).
        ApiKeyService.Created created = keys.create(p, owner, in.string("comment", 1024).orElse(""),
                in.strings("allowedIps", 100, 64).orElse(null), in.epochMillis("expiresAt").orElse(null),
                in.bool("readOnly").orElse(null), null);
        Map<String, Object> out = new LinkedHashMap<>(ApiKeyView.of(created.key()));
        out.put("key", created.secret());
        return ResponseEntity.status(HttpStatus.CREATED).body(out);
    }

    @DeleteMapping("/api/v1/user/{id}/keys/{keyId}")
    public Map<String, Object> revokeKey(@PathVariable String id, @PathVariable String keyId) {
        Principal p = CurrentPrincipal.get();
        User owner = users.forAccountChange(p, id);
        long kid;
        try {
            kid = Long.parseLong(keyId.startsWith("~") ? keyId.substring(1) : keyId);
        } catch (NumberFormatException e) {
            throw new NotFound("API key " + keyId + " not found");
        }
        return ApiKeyView.of(keys.revoke(p, owner.id(), kid));
    }
}
