package io.sightline.testkit.opencti;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The platform's users and groups, as far as connectors see them: the admin whose token the
 * emulator was started with, the built-in group {@code Connectors}, service accounts created with
 * {@code userAdd}, and which user made each GraphQL call (the token it carried).
 */
final class EmulatedUsers {
    /** A user; {@code admin} may manage users and groups (OpenCTI's SETTINGS_SETACCESSES). */
    record User(String id, String name, String email, String token, boolean admin, boolean serviceAccount,
                Integer maxConfidence, List<String> groupIds) {}

    /** One GraphQL root field called by a user. */
    record Call(String userName, String field) {}

    private final Map<String, User> byToken = new ConcurrentHashMap<>();
    private final Map<String, String> groups = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    EmulatedUsers(String adminToken) {
        byToken.put(adminToken, new User(UUID.randomUUID().toString(), "admin", "admin@opencti.io", adminToken, true,
                false, 100, List.of()));
        // OpenCTI creates this group at platform initialisation.
        groups.put(UUID.randomUUID().toString(), "Connectors");
    }

    Optional<User> byToken(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(byToken.get(token));
    }

    Optional<User> byId(String id) {
        return byToken.values().stream().filter(u -> u.id().equals(id)).findFirst();
    }

    Optional<User> byEmail(String email) {
        return byToken.values().stream().filter(u -> u.email().equals(email)).findFirst();
    }

    Optional<User> byName(String name) {
        return byToken.values().stream().filter(u -> u.name().equals(name)).findFirst();
    }

    List<Map.Entry<String, String>> groupsNamed(String name) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        groups.entrySet().stream().filter(g -> name == null || g.getValue().equals(name)).forEach(out::add);
        return out;
    }

    String groupName(String id) {
        return groups.get(id);
    }

    void removeGroup(String name) {
        groups.values().removeIf(name::equals);
    }

    User add(String name, String email, boolean serviceAccount, Integer maxConfidence, List<String> groupIds) {
        if (byEmail(email).isPresent()) throw new GraphqlError("FUNCTIONAL_ERROR", "Email already exists");
        for (String g : groupIds) {
            if (!groups.containsKey(g)) throw new GraphqlError("FUNCTIONAL_ERROR", "Group " + g + " not found");
        }
        User u = new User(UUID.randomUUID().toString(), name, email, UUID.randomUUID().toString(), false, serviceAccount,
                maxConfidence, List.copyOf(groupIds));
        byToken.put(u.token(), u);
        return u;
    }

    void recordCall(User user, String field) {
        calls.add(new Call(user.name(), field));
    }

    List<String> fieldsCalledBy(String userName) {
        return calls.stream().filter(c -> c.userName().equals(userName)).map(Call::field).toList();
    }
}
