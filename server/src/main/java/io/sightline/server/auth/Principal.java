package io.sightline.server.auth;

import io.sightline.server.audit.Actor;
import io.sightline.server.core.Forbidden;

/**
 * The authenticated caller for one request, in the organisation the request acts on.
 *
 * @param apiKeyId the key used, or null for password or session logins
 * @param readOnlyKey the key may only read, whatever the user's profile allows
 */
public record Principal(long userId, String login, String name, long orgId, String orgName, Profile profile,
                        Long apiKeyId, boolean readOnlyKey) implements Actor {

    public boolean can(Permission permission) {
        if (readOnlyKey && permission != Permission.READ && permission != Permission.READ_AUDIT) return false;
        return profile.allows(permission);
    }

    public void require(Permission permission) {
        if (!can(permission)) {
            String why = readOnlyKey && profile.allows(permission) ? "this API key is read-only"
                    : "profile " + profile.label() + " in organisation " + orgName + " lacks " + permission.name().toLowerCase();
            throw new Forbidden("Operation not allowed: " + why);
        }
    }

    /** Whether {@code organisation}, a name or {@code "~id"}, is the one this request acts in. */
    public boolean actsIn(String organisation) {
        return organisation.equals(orgName) || organisation.equals("~" + orgId);
    }
}
