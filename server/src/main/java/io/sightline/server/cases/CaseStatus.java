package io.sightline.server.cases;

import io.sightline.server.core.Invalid;
import java.util.List;

/**
 * The case life cycle, in TheHive 5's words and TheHive 4's, and how the two map onto each other.
 * <ul>
 * <li>Open statuses: TheHive 5's {@code New} (a new case's default) and {@code InProgress}, and
 * TheHive 4's {@code Open}. Their stage is {@code New} for New, {@code InProgress} otherwise.</li>
 * <li>TheHive 5 closes with the closing status itself: {@code TruePositive}, {@code FalsePositive},
 * {@code Duplicated}, {@code Indeterminate} or {@code Other}. TheHive 4 closes with {@code Resolved}
 * and a {@code resolutionStatus} taking one of those same five values.</li>
 * <li>TheHive 5 → 4: a case closed as {@code X} has {@code resolutionStatus} {@code X}. TheHive 4 →
 * 5: {@code Resolved} with resolution {@code X} is closed as {@code X} (same stage, same resolution).</li>
 * <li>The status is stored as the client said it, so each client reads back its own vocabulary: the
 * view shows {@code status} as given ({@code Resolved} or {@code X}), {@code stage} {@code Closed} and
 * {@code resolutionStatus} {@code X} in both cases. Filtering by status sees the stored word.</li>
 * <li>Closing, either way, needs a summary; {@code impactStatus} is optional. Reopening clears the
 * end date, resolution and impact, and keeps the summary.</li>
 * </ul>
 */
public final class CaseStatus {
    /** A new case's status when none is given. */
    public static final String DEFAULT = "New";
    public static final List<String> OPEN = List.of("New", "InProgress", "Open");
    /** TheHive 5's closing statuses, which are also TheHive 4's resolution statuses. */
    public static final List<String> RESOLUTIONS = List.of("TruePositive", "FalsePositive", "Duplicated", "Indeterminate", "Other");
    /** TheHive 4's closed status; its resolution is given apart. */
    public static final String RESOLVED = "Resolved";
    public static final List<String> CLOSED = List.of(RESOLVED, "TruePositive", "FalsePositive", "Duplicated", "Indeterminate", "Other");
    public static final List<String> IMPACTS = List.of("NotApplicable", "WithImpact", "NoImpact");

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

    /**
     * The resolution a closed status implies: TheHive 5's closing status is its own resolution;
     * TheHive 4's {@code Resolved} takes the one given ({@code null} when none is).
     *
     * @param given the resolutionStatus sent or kept, may be {@code null}
     */
    public static String resolutionOf(String closedStatus, String given) {
        if (RESOLVED.equals(closedStatus)) return given;
        if (given != null && !given.equals(closedStatus)) {
            throw new Invalid("Case status " + closedStatus + " contradicts resolutionStatus " + given
                    + "; close with status " + given + " or with Resolved and resolutionStatus " + given);
        }
        return closedStatus;
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
