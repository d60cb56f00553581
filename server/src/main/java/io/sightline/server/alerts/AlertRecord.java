package io.sightline.server.alerts;

import java.util.List;

public record AlertRecord(long id, long orgId, String type, String source, String sourceRef, String externalLink,
                          String title, String description, int severity, long date, int tlp, int pap, boolean flag,
                          String status, boolean read, boolean follow, Long caseId, String summary, String assignee,
                          String createdBy, long createdAt, String updatedBy, Long updatedAt, List<String> tags) {

    public AlertRecord withTags(List<String> newTags) {
        return new AlertRecord(id, orgId, type, source, sourceRef, externalLink, title, description, severity, date, tlp,
                pap, flag, status, read, follow, caseId, summary, assignee, createdBy, createdAt, updatedBy, updatedAt, newTags);
    }

    public AlertRecord imported(long intoCase, String by, long now) {
        return new AlertRecord(id, orgId, type, source, sourceRef, externalLink, title, description, severity, date, tlp,
                pap, flag, "Imported", read, follow, intoCase, summary, assignee, createdBy, createdAt, by, now, tags);
    }

    /** The alert taken out of its case: no case, back to "New" as an alert never imported. */
    public AlertRecord unlinked(String by, long now) {
        return new AlertRecord(id, orgId, type, source, sourceRef, externalLink, title, description, severity, date, tlp,
                pap, flag, "New", read, follow, null, summary, assignee, createdBy, createdAt, by, now, tags);
    }
}
