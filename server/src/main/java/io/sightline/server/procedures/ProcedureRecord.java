package io.sightline.server.procedures;

/**
 * A procedure as stored; exactly one of {@code caseId} and {@code alertId} is set. {@code patternName}
 * is read from the catalogue, null if the pattern has since been removed from it.
 */
public record ProcedureRecord(long id, long orgId, Long caseId, Long alertId, String patternId, String patternName,
                              String tactic, long occurDate, String description, String createdBy, long createdAt,
                              String updatedBy, Long updatedAt) {}
