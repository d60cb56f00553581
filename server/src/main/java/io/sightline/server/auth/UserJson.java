package io.sightline.server.auth;

import io.sightline.server.api.JsonInput;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * TheHive's user JSON read into commands: unknown fields and ill-typed values are refused;
 * {@code email} is accepted and not kept, as before.
 */
final class UserJson {
    private static final Set<String> CREATE_FIELDS = Set.of("login", "name", "profile", "organisation", "password", "email");
    private static final Set<String> UPDATE_FIELDS = Set.of("name", "locked", "profile", "organisation", "email");

    private UserJson() {}

    static NewUser newUser(JsonNode body) {
        JsonInput in = JsonInput.of(body, "user", CREATE_FIELDS);
        return new NewUser(in.text("login").orElse(null), in.text("name").orElse(null),
                in.text("profile").orElse(null), in.text("organisation").orElse(null), in.text("password").orElse(null),
                in.text("email").orElse(null));
    }

    static UserChanges changes(JsonNode body) {
        JsonInput in = JsonInput.of(body, "user", UPDATE_FIELDS);
        return new UserChanges(in.text("name").orElse(null), in.bool("locked").orElse(null),
                in.text("profile").orElse(null), in.text("organisation").orElse(null), in.text("email").orElse(null));
    }
}
