package io.sightline.server.auth;

/** What a profile allows; every endpoint checks one of these. */
public enum Permission {
    READ,
    MANAGE_CASE,
    MANAGE_OBSERVABLE,
    MANAGE_ALERT,
    MANAGE_CASE_TEMPLATE,
    MANAGE_SHARE,
    MANAGE_ANALYZE,
    MANAGE_USERS,
    MANAGE_CONFIG,
    READ_AUDIT,
    MANAGE_PLATFORM
}
