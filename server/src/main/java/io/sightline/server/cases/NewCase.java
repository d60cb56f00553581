package io.sightline.server.cases;

import io.sightline.server.common.Change;
import io.sightline.server.common.Pap;
import io.sightline.server.common.Tlp;
import io.sightline.server.customfields.CustomFieldInput;
import java.util.List;

/**
 * A case to create, as the REST API and the web UI both describe it. Title and description are
 * required; every other field may be {@code null}, which means the default (severity 2, TLP and
 * PAP amber, open, starting now, no tags). The service checks the rules (severity range, text
 * sizes, assignee membership, closing needs a resolution and a summary).
 *
 * @param assignee     a login, or blank for nobody
 * @param customFields values of custom fields, checked against their definitions; the mandatory
 *                     ones must be among them
 */
public record NewCase(String title, String description, Integer severity, Tlp tlp, Pap pap, Boolean flag,
                      Long startDate, Long endDate, List<String> tags, String summary, String assignee, String status,
                      String resolutionStatus, String impactStatus, List<CustomFieldInput> customFields) {

    public NewCase {
        customFields = customFields == null ? List.of() : List.copyOf(customFields);
    }

    /** A case without custom field values. */
    public NewCase(String title, String description, Integer severity, Tlp tlp, Pap pap, Boolean flag, Long startDate,
                   Long endDate, List<String> tags, String summary, String assignee, String status,
                   String resolutionStatus, String impactStatus) {
        this(title, description, severity, tlp, pap, flag, startDate, endDate, tags, summary, assignee, status,
                resolutionStatus, impactStatus, List.of());
    }

    /** A case with only its title and description given. */
    public static NewCase of(String title, String description) {
        return new NewCase(title, description, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The optional fields as changes to the defaults. */
    CaseChanges details() {
        return new CaseChanges(Change.keep(), Change.keep(), severity, tlp, pap, flag, startDate, Change.to(endDate),
                tags, Change.to(summary), Change.to(assignee), status, Change.to(resolutionStatus), Change.to(impactStatus),
                null);
    }
}
