package io.sightline.server.recordfiles;

import io.sightline.server.attachments.Attachment;

/**
 * A file attached to a case ({@code caseId}), an alert ({@code alertId}) or, when both are
 * {@code null}, to its organisation; its id is the attachment's.
 */
public record RecordFile(Attachment file, long orgId, Long caseId, Long alertId, String createdBy, long createdAt) {
    public long id() {
        return file.id();
    }
}
