package io.sightline.server.cases;

import java.util.List;

public record CaseRecord(long id, long orgId, long number, String title, String description, int severity, int tlp,
                         int pap, boolean flag, String status, long startDate, Long endDate, String assignee,
                         String summary, String resolutionStatus, String impactStatus, String createdBy,
                         long createdAt, String updatedBy, Long updatedAt, List<String> tags, CaseAccess access) {

    public CaseRecord withId(long newId) {
        return new CaseRecord(newId, orgId, number, title, description, severity, tlp, pap, flag, status, startDate,
                endDate, assignee, summary, resolutionStatus, impactStatus, createdBy, createdAt, updatedBy, updatedAt, tags, access);
    }

    public CaseRecord withNumber(long newNumber) {
        return new CaseRecord(id, orgId, newNumber, title, description, severity, tlp, pap, flag, status, startDate,
                endDate, assignee, summary, resolutionStatus, impactStatus, createdBy, createdAt, updatedBy, updatedAt, tags, access);
    }

    public CaseRecord withTags(List<String> newTags) {
        return new CaseRecord(id, orgId, number, title, description, severity, tlp, pap, flag, status, startDate,
                endDate, assignee, summary, resolutionStatus, impactStatus, createdBy, createdAt, updatedBy, updatedAt, newTags, access);
    }

    public CaseRecord withAccess(CaseAccess newAccess) {
        return new CaseRecord(id, orgId, number, title, description, severity, tlp, pap, flag, status, startDate,
                endDate, assignee, summary, resolutionStatus, impactStatus, createdBy, createdAt, updatedBy, updatedAt, tags, newAccess);
    }
}
