package io.sightline.server.comments;

/** A comment on a case (caseId set) or on an alert (alertId set); edited once its message changed. */
public record CommentRecord(long id, long orgId, Long caseId, Long alertId, String message, boolean external,
                            boolean edited, String createdBy, long createdAt, String updatedBy, Long updatedAt) {

    public CommentRecord withId(long newId) {
        return new CommentRecord(newId, orgId, caseId, alertId, message, external, edited, createdBy, createdAt,
                updatedBy, updatedAt);
    }

    public CommentRecord rewritten(String newMessage, String by, long now) {
        return new CommentRecord(id, orgId, caseId, alertId, newMessage, external, true, createdBy, createdAt, by, now);
    }
}
