package io.sightline.server.auth;

import io.sightline.server.core.Invalid;
import java.util.EnumSet;
import java.util.Set;

/** TheHive's built-in profiles; a user has one profile in each organisation they belong to. */
public enum Profile {
    ADMIN("admin", EnumSet.allOf(Permission.class)),
    ORG_ADMIN("org-admin", EnumSet.complementOf(EnumSet.of(Permission.MANAGE_PLATFORM))),
    ANALYST("analyst", EnumSet.of(Permission.READ, Permission.MANAGE_CASE, Permission.MANAGE_OBSERVABLE,
            Permission.MANAGE_ALERT, Permission.MANAGE_TASK, Permission.MANAGE_SHARE, Permission.MANAGE_ANALYZE,
            Permission.MANAGE_COMMENT, Permission.MANAGE_PAGE)),
    READ_ONLY("read-only", EnumSet.of(Permission.READ));

    private final String label;
    private final Set<Permission> permissions;

    Profile(String label, Set<Permission> permissions) {
        this.label = label;
        this.permissions = permissions;
    }

    public String label() { return label; }

    public Set<Permission> permissions() { return permissions; }

    public boolean allows(Permission p) { return permissions.contains(p); }

    public static Profile parse(String label) {
        for (Profile p : values()) if (p.label.equalsIgnoreCase(label)) return p;
        throw new Invalid("Unknown profile '" + label + "'; use admin, org-admin, analyst or read-only");
    }
}
