package io.sightline.server.casetemplates;

import java.util.List;

/**
 * A case template's row and tags; severity, tlp and pap are null when the template leaves them to
 * the case's defaults.
 *
 * @param pageTemplateIds the page templates linked, as the client gave them
 */
public record CaseTemplateRecord(long id, long orgId, String name, String displayName, String titlePrefix,
                                 String description, Integer severity, Integer tlp, Integer pap, boolean flag,
                                 String summary, List<String> tags, List<String> pageTemplateIds, String createdBy,
                                 long createdAt, String updatedBy, Long updatedAt) {

    CaseTemplateRecord withTags(List<String> newTags) {
        return new CaseTemplateRecord(id, orgId, name, displayName, titlePrefix, description, severity, tlp, pap, flag,
                summary, newTags, pageTemplateIds, createdBy, createdAt, updatedBy, updatedAt);
    }
}
