package io.sightline.server.auth;

import io.sightline.server.core.Invalid;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * TheHive 5's permission names (as its OpenAPI lists them) and what they grant here. The hub checks
 * coarser permissions than TheHive names, so a hub permission is granted only when a profile lists
 * every TheHive name it covers: a custom profile never allows more than it lists (a profile with
 * only {@code manageCase/create} may not delete cases, so it gets no case rights at all).
 */
public final class TheHivePermissions {
    private TheHivePermissions() {}

    /** Every name a profile may list. */
    public static final Set<String> ALL = Set.copyOf(List.of(
            "accessTheHiveFS", "manageAction",
            "manageAlert/create", "manageAlert/delete", "manageAlert/import", "manageAlert/reopen", "manageAlert/update",
            "manageAnalyse", "manageAnalyzerTemplate",
            "manageCase/changeOwnership", "manageCase/create", "manageCase/delete", "manageCase/merge",
            "manageCase/reopen", "manageCase/update",
            "manageCaseAccess/external", "manageCaseAccess/restrict", "manageCaseReport", "manageCaseReportTemplate",
            "manageCaseTemplate", "manageComment", "manageConfig", "manageCustomEvent", "manageCustomField",
            "manageDashboard", "manageFunction/create", "manageFunction/invoke", "manageKnowledgeBase",
            "manageObservable", "manageObservableTemplate",
            "manageOrchestrator/deleteVariables", "manageOrchestrator/deleteWorkflows",
            "manageOrchestrator/readVariables", "manageOrchestrator/readWorkflows",
            "manageOrchestrator/writeVariables", "manageOrchestrator/writeWorkflows",
            "manageOrganisation", "managePage", "managePageTemplate", "managePattern", "managePlatform",
            "manageProcedure", "manageProfile", "manageShare", "manageTag", "manageTask", "manageTaxonomy", "manageUser"));

    /** Names that act on the whole platform: a profile listing any of them is a platform (admin) profile. */
    public static final Set<String> PLATFORM = Set.of("managePlatform", "manageOrganisation", "manageProfile",
            "manageCustomField", "manageObservableTemplate", "manageTaxonomy", "managePattern", "manageAnalyzerTemplate",
            "manageOrchestrator/deleteVariables", "manageOrchestrator/deleteWorkflows",
            "manageOrchestrator/readVariables", "manageOrchestrator/readWorkflows",
            "manageOrchestrator/writeVariables", "manageOrchestrator/writeWorkflows");

    /** The TheHive names each hub permission needs, all of them; READ needs none (any profile reads its organisation). */
    static final Map<Permission, Set<String>> NEEDS = Map.ofEntries(
            Map.entry(Permission.READ, Set.of()),
            Map.entry(Permission.MANAGE_CASE, Set.of("manageCase/create", "manageCase/update", "manageCase/delete")),
            Map.entry(Permission.MANAGE_ALERT, Set.of("manageAlert/create", "manageAlert/update", "manageAlert/delete",
                    "manageAlert/import")),
            Map.entry(Permission.MANAGE_OBSERVABLE, Set.of("manageObservable")),
            Map.entry(Permission.MANAGE_SHARE, Set.of("manageShare")),
            Map.entry(Permission.MANAGE_ANALYZE, Set.of("manageAnalyse")),
            Map.entry(Permission.MANAGE_TASK, Set.of("manageTask")),
            Map.entry(Permission.MANAGE_COMMENT, Set.of("manageComment")),
            Map.entry(Permission.MANAGE_PAGE, Set.of("managePage")),
            Map.entry(Permission.MANAGE_PAGE_TEMPLATE, Set.of("managePageTemplate")),
            Map.entry(Permission.MANAGE_CASE_TEMPLATE, Set.of("manageCaseTemplate")),
            Map.entry(Permission.MANAGE_USERS, Set.of("manageUser")),
            Map.entry(Permission.MANAGE_CONFIG, Set.of("manageConfig")),
            Map.entry(Permission.READ_AUDIT, Set.of("manageUser")),
            Map.entry(Permission.MANAGE_PROFILE, Set.of("manageProfile")),
            Map.entry(Permission.MANAGE_OBSERVABLE_TYPE, Set.of("manageObservableTemplate")),
            Map.entry(Permission.MANAGE_KNOWLEDGE_BASE, Set.of("manageKnowledgeBase")),
            Map.entry(Permission.MANAGE_PLATFORM, Set.of("managePlatform", "manageOrganisation", "manageUser")));

    /** The hub permissions a list of TheHive names grants. */
    public static Set<Permission> granted(Collection<String> names) {
        Set<Permission> out = EnumSet.noneOf(Permission.class);
        NEEDS.forEach((permission, needed) -> {
            if (names.containsAll(needed)) out.add(permission);
        });
        return out;
    }

    public static boolean anyPlatform(Collection<String> names) {
        return names.stream().anyMatch(PLATFORM::contains);
    }

    /** The names as given, without repeats; an unknown name is refused, listing the known ones. */
    public static List<String> check(List<String> names) {
        Set<String> unknown = new TreeSet<>();
        for (String n : names) if (!ALL.contains(n)) unknown.add(n);
        if (!unknown.isEmpty()) {
            throw new Invalid("Unknown permission " + String.join(", ", unknown) + "; known permissions: "
                    + String.join(", ", new TreeSet<>(ALL)));
        }
        return List.copyOf(new LinkedHashSet<>(names));
    }

    /** Every name except the platform ones, sorted. */
    static List<String> organisationWide() {
        return ALL.stream().filter(n -> !PLATFORM.contains(n)).sorted().toList();
    }
}
