package io.sightline.server.procedures;

/** A PATCH of a procedure: null fields stay as they are; an empty description clears it. */
public record ProcedureChanges(String patternId, String tactic, Long occurDate, String description) {}
