package io.sightline.server.auth;

public record Membership(long userId, long orgId, String orgName, Profile profile) {}
