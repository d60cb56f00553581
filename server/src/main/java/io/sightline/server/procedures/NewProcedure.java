package io.sightline.server.procedures;

/** What a client gives to record a procedure; tactic and description may be null. */
public record NewProcedure(String patternId, String tactic, long occurDate, String description) {}
