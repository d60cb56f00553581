package io.sightline.server.auth;

/** A user's place in one organisation; {@code isDefault} marks the organisation they act in when none is named. */
public record Membership(long userId, long orgId, String orgName, Profile profile, boolean isDefault) {
    public Membership(long userId, long orgId, String orgName, Profile profile) {
        this(userId, orgId, orgName, profile, false);
    }
}
