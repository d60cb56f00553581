package io.sightline.server.observables;

import io.sightline.server.attachments.Attachment;
import java.util.List;

/** An observable of a case (caseId set) or of an alert (alertId set). */
public record ObservableRecord(long id, long orgId, Long caseId, Long alertId, String dataType, String data,
                               String dataKey, Attachment attachment, String message, int tlp, int pap, boolean ioc,
                               boolean sighted, boolean ignoreSimilarity, long startDate, String reports,
                               String createdBy, long createdAt, String updatedBy, Long updatedAt, List<String> tags) {

    /** How a message names it: its value, else its file's name. */
    public String shown() {
        return data != null ? data : attachment != null ? attachment.name() : "~" + id;
    }

    public ObservableRecord withTags(List<String> newTags) {
        return new ObservableRecord(id, orgId, caseId, alertId, dataType, data, dataKey, attachment, message, tlp, pap,
                ioc, sighted, ignoreSimilarity, startDate, reports, createdBy, createdAt, updatedBy, updatedAt, newTags);
    }

    public ObservableRecord withId(long newId) {
        return new ObservableRecord(newId, orgId, caseId, alertId, dataType, data, dataKey, attachment, message, tlp, pap,
                ioc, sighted, ignoreSimilarity, startDate, reports, createdBy, createdAt, updatedBy, updatedAt, tags);
    }

    /** A copy attached to another case or alert, as when an alert is promoted or merged. */
    public ObservableRecord movedTo(Long newCaseId, Long newAlertId, String by, long now) {
        return new ObservableRecord(0, orgId, newCaseId, newAlertId, dataType, data, dataKey, attachment, message, tlp,
                pap, ioc, sighted, ignoreSimilarity, startDate, reports, by, now, null, null, tags);
    }
}
