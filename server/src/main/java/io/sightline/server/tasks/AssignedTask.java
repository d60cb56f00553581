package io.sightline.server.tasks;

/** A task as a list of someone's work shows it: the task and the case it belongs to. */
public record AssignedTask(TaskRecord task, long caseNumber, String caseTitle) {}
