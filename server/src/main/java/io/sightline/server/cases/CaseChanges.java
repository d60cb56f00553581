package io.sightline.server.cases;

import io.sightline.server.common.Change;
import io.sightline.server.common.Pap;
import io.sightline.server.common.Tlp;
import io.sightline.server.customfields.CustomFieldInput;
import java.util.List;

/**
 * Changes to a case. A {@code null} field is left as it is; the {@link Change} fields also tell
 * "clear" apart ({@code endDate}, {@code summary}, the assignee, resolution and impact can be
 * removed; title and description cannot, so clearing them is refused). The service checks the
 * rules, the same for the REST API and the web UI.
 *
 * @param assignee a login; blank or cleared leaves the case unassigned
 * @param status       a case status; closing also needs a resolution and a summary
 * @param customFields values of custom fields to set, each replacing the values of its field; the
 *                     case's other fields keep theirs ({@code null}: none changed)
 */
public record CaseChanges(Change<String> title, Change<String> description, Integer severity, Tlp tlp, Pap pap,
                          Boolean flag, Long startDate, Change<Long> endDate, List<String> tags, Change<String> summary,
                          Change<String> assignee, String status, Change<String> resolutionStatus,
                          Change<String> impactStatus, List<CustomFieldInput> customFields) {

    /** Changes leaving custom field values as they are. */
    public CaseChanges(Change<String> title, Change<String> description, Integer severity, Tlp tlp, Pap pap,
                       Boolean flag, Long startDate, Change<Long> endDate, List<String> tags, Change<String> summary,
                       Change<String> assignee, String status, Change<String> resolutionStatus,
                       Change<String> impactStatus) {
        this(title, description, severity, tlp, pap, flag, startDate, endDate, tags, summary, assignee, status,
                resolutionStatus, impactStatus, null);
    }

    public static final CaseChanges NONE = new CaseChanges(Change.keep(), Change.keep(), null, null, null, null, null,
            Change.keep(), null, Change.keep(), Change.keep(), null, Change.keep(), Change.keep());

    public CaseChanges withDescription(String newDescription) {
        return new CaseChanges(title, Change.to(newDescription), severity, tlp, pap, flag, startDate, endDate, tags,
                summary, assignee, status, resolutionStatus, impactStatus, customFields);
    }

    public CaseChanges withStatus(String newStatus) {
        return new CaseChanges(title, description, severity, tlp, pap, flag, startDate, endDate, tags, summary,
                assignee, newStatus, resolutionStatus, impactStatus, customFields);
    }

    /** Closing with one of TheHive 5's closing statuses (see {@link CaseStatus}), an impact (may be {@code null}) and a summary. */
    public static CaseChanges closing(String closingStatus, String impactStatus, String summary) {
        Change<String> impact = impactStatus == null ? Change.keep() : Change.to(impactStatus);
        return new CaseChanges(Change.keep(), Change.keep(), null, null, null, null, null, Change.keep(), null,
                Change.to(summary), Change.keep(), closingStatus, Change.keep(), impact);
    }
}
