package io.sightline.server.alerts;

import io.sightline.server.common.Change;
import io.sightline.server.common.Pap;
import io.sightline.server.common.Tlp;
import io.sightline.server.customfields.CustomFieldInput;
import java.util.List;

/**
 * Changes to an alert. A {@code null} field is left as it is; the {@link Change} fields also tell
 * "clear" apart (the external link, the summary and the assignee can be removed; title and
 * description cannot, so clearing them is refused). The service checks the rules.
 * {@code customFields} set the values of their fields, the others keep theirs ({@code null}: none changed).
 */
public record AlertChanges(Change<String> externalLink, Change<String> title, Change<String> description,
                           Integer severity, Long date, Tlp tlp, Pap pap, Boolean flag, String status, Boolean read,
                           Boolean follow, Change<String> summary, Change<String> assignee, List<String> tags,
                           List<CustomFieldInput> customFields) {

    public static final AlertChanges NONE = new AlertChanges(Change.keep(), Change.keep(), Change.keep(), null, null,
            null, null, null, null, null, null, Change.keep(), Change.keep(), null, null);

    public AlertChanges withStatus(String newStatus) {
        return new AlertChanges(externalLink, title, description, severity, date, tlp, pap, flag, newStatus, read,
                follow, summary, assignee, tags, customFields);
    }

    public AlertChanges withFollow(boolean newFollow) {
        return new AlertChanges(externalLink, title, description, severity, date, tlp, pap, flag, status, read,
                newFollow, summary, assignee, tags, customFields);
    }
}
