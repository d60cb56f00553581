package io.sightline.server.auth;

/**
 * What a profile allows; every endpoint checks one of these. A profile's TheHive permission names
 * grant them as {@link TheHivePermissions} says.
 */
public enum Permission {
    READ,
    MANAGE_CASE,
    MANAGE_OBSERVABLE,
    MANAGE_ALERT,
    /** TheHive's manageTask: create, change and delete tasks and their logs. */
    MANAGE_TASK,
    MANAGE_CASE_TEMPLATE,
    MANAGE_SHARE,
    MANAGE_ANALYZE,
    MANAGE_COMMENT,
    MANAGE_PAGE,
    MANAGE_PAGE_TEMPLATE,
    MANAGE_USERS,
    MANAGE_CONFIG,
    READ_AUDIT,
    /** Custom profiles: who holds it may define profiles no wider than their own. */
    MANAGE_PROFILE,
    /** The platform-wide list of custom observable data types. */
    MANAGE_OBSERVABLE_TYPE,
    /** TheHive's manageKnowledgeBase: the organisation's own files (its attachments). */
    MANAGE_KNOWLEDGE_BASE,
    MANAGE_PLATFORM
}
