package io.sightline.server.timeline;

/** A custom event of a case's timeline, as stored. */
public record CustomEventRecord(long id, long orgId, long caseId, long date, Long endDate, String title,
                                String description, String createdBy, long createdAt, String updatedBy, Long updatedAt) {}
