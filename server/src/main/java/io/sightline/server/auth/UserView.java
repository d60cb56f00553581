package io.sightline.server.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TheHive's OutputUser shape, with every organisation the user belongs to. */
public final class UserView {
    private UserView() {}

    /**
     * @param current the principal acting, to report profile and permissions in its organisation; may be null
     * @param hasKey whether the user holds a usable API key (TheHive's {@code hasKey}; the key itself is never shown)
     */
    public static Map<String, Object> of(User u, List<Membership> memberships, Principal current, boolean hasKey) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", "~" + u.id());
        out.put("_type", "User");
        out.put("_createdAt", u.createdAt());
        out.put("login", u.login());
        out.put("name", u.name());
        if (u.email() != null) out.put("email", u.email());
        Membership shown = memberships.stream()
                .filter(m -> current != null && m.orgId() == current.orgId()).findFirst()
                .orElse(memberships.isEmpty() ? null : memberships.get(0));
        if (shown != null) {
            out.put("organisation", shown.orgName());
            out.put("profile", shown.profile().label());
            out.put("permissions", shown.profile().permissions().stream().map(p -> p.name().toLowerCase()).sorted().toList());
        }
        out.put("organisations", memberships.stream().map(m -> Map.of("organisation", m.orgName(),
                "organisationId", "~" + m.orgId(), "profile", m.profile().label())).toList());
        out.put("hasKey", hasKey);
        out.put("hasPassword", u.passwordHash() != null);
        out.put("hasMFA", false); // the hub has no second factor
        out.put("locked", u.locked());
        return out;
    }
}
