package io.sightline.server.auth;

/**
 * Changes to a user: a {@code null} field is left as it is. Name and lock belong to the account;
 * a profile to its membership in {@code organisation} (the caller's when {@code null}).
 */
public record UserChanges(String name, Boolean locked, String profile, String organisation, String email) {

    public static UserChanges profile(String profile) {
        return new UserChanges(null, null, profile, null, null);
    }

    public static UserChanges locked(boolean locked) {
        return new UserChanges(null, locked, null, null, null);
    }
}
