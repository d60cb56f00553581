package io.sightline.server.auth;

import io.sightline.server.core.Invalid;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A profile: what a user may do in one organisation they belong to. The four built-ins are
 * TheHive's and keep the hub permissions they always had; custom profiles (defined by admins, see
 * {@code auth.profiles}) get the hub permissions their TheHive names grant ({@link TheHivePermissions}).
 *
 * @param theHivePermissions the TheHive names shown for the profile, in the order they were given
 */
public record Profile(String label, Set<Permission> permissions, List<String> theHivePermissions) {
    public static final Profile ADMIN = new Profile("admin", EnumSet.allOf(Permission.class), allNames());
    public static final Profile ORG_ADMIN = new Profile("org-admin",
            EnumSet.complementOf(EnumSet.of(Permission.MANAGE_PLATFORM, Permission.MANAGE_PROFILE, Permission.MANAGE_OBSERVABLE_TYPE)),
            TheHivePermissions.organisationWide());
    public static final Profile ANALYST = new Profile("analyst", EnumSet.of(Permission.READ, Permission.MANAGE_CASE,
            Permission.MANAGE_OBSERVABLE, Permission.MANAGE_ALERT, Permission.MANAGE_TASK, Permission.MANAGE_SHARE,
            Permission.MANAGE_ANALYZE, Permission.MANAGE_COMMENT, Permission.MANAGE_PAGE),
            List.of("manageCase/create", "manageCase/update", "manageCase/delete", "manageCase/merge", "manageCase/reopen",
                    "manageAlert/create", "manageAlert/update", "manageAlert/delete", "manageAlert/import",
                    "manageAlert/reopen", "manageObservable", "manageShare", "manageAnalyse", "manageTask",
                    "manageComment", "managePage", "manageProcedure", "manageAction", "accessTheHiveFS"));
    public static final Profile READ_ONLY = new Profile("read-only", EnumSet.of(Permission.READ), List.of());

    /** The built-ins, most powerful first. */
    public static final List<Profile> BUILT_IN = List.of(ADMIN, ORG_ADMIN, ANALYST, READ_ONLY);

    public Profile {
        permissions = Collections.unmodifiableSet(EnumSet.copyOf(permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : permissions));
        theHivePermissions = List.copyOf(theHivePermissions);
    }

    /** A custom profile: exactly what its TheHive names grant. */
    public static Profile custom(String label, List<String> theHivePermissions) {
        return new Profile(label, TheHivePermissions.granted(theHivePermissions), theHivePermissions);
    }

    public boolean allows(Permission p) { return permissions.contains(p); }

    /**
     * A platform profile (TheHive's admin type): its holders are managed, and it is given or changed,
     * only by a platform admin.
     */
    public boolean isPlatform() {
        return permissions.contains(Permission.MANAGE_PLATFORM) || TheHivePermissions.anyPlatform(theHivePermissions);
    }

    /** Whether this profile allows nothing that {@code other} does not: no hub permission, no TheHive name. */
    public boolean within(Profile other) {
        return other.permissions.containsAll(permissions) && other.theHivePermissions.containsAll(theHivePermissions);
    }

    public static boolean isBuiltIn(String label) {
        return BUILT_IN.stream().anyMatch(p -> p.label.equalsIgnoreCase(label));
    }

    /** A built-in profile by name; custom profiles are found through {@code ProfileCatalog}. */
    public static Profile parse(String label) {
        for (Profile p : BUILT_IN) if (p.label.equalsIgnoreCase(label)) return p;
        throw new Invalid("Unknown profile '" + label + "'; use admin, org-admin, analyst, read-only or a custom profile");
    }

    private static List<String> allNames() {
        return new ArrayList<>(new java.util.TreeSet<>(TheHivePermissions.ALL));
    }

    @Override
    public String toString() {
        return "Profile[" + label + "]";
    }
}
