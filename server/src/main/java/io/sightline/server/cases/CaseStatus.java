package io.sightline.server.cases;

import io.sightline.server.core.Invalid;
import java.util.List;

/**
 * Case life cycle as in TheHive 4 (Open, then Resolved with a resolution status and a summary),
 * with TheHive 5's "New" and "InProgress" accepted as open stages.
 */
public final class CaseStatus {
    public static final List<String> OPEN = List.of("New", "Open", "InProgress");
    public static final List<String> CLOSED = List.of("Resolved", "Duplicated");
    public static final List<String> RESOLUTIONS = List.of("TruePositive", "FalsePositive", "Indeterminate", "Other", "Duplicated");
    public static final List<String> IMPACTS = List.of("NoImpact", "WithImpact", "NotApplicable");

    private CaseStatus() {}

    public static String parse(String s) {
        for (String v : OPEN) if (v.equalsIgnoreCase(s)) return v;
        for (String v : CLOSED) if (v.equalsIgnoreCase(s)) return v;
        throw new Invalid("Unknown case status '" + s + "'; use one of " + String.join(", ", OPEN) + ", " + String.join(", ", CLOSED));
    }

    public static boolean isClosed(String status) {
        return CLOSED.contains(status);
    }

    public static String stage(String status) {
        return isClosed(status) ? "Closed" : "New".equals(status) ? "New" : "InProgress";
    }

    public static String resolution(String s) {
        for (String v : RESOLUTIONS) if (v.equalsIgnoreCase(s)) return v;
        throw new Invalid("Unknown resolution status '" + s + "'; use one of " + String.join(", ", RESOLUTIONS));
    }

    public static String impact(String s) {
        for (String v : IMPACTS) if (v.equalsIgnoreCase(s)) return v;
        throw new Invalid("Unknown impact status '" + s + "'; use one of " + String.join(", ", IMPACTS));
    }
}
