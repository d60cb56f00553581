package io.sightline.server.tasks;

/** A task to create in a case; null means "not given" (group defaults to "default", status to Waiting). */
public record NewTask(String title, String group, String description, TaskStatus status, Boolean flag,
                      Boolean mandatory, Integer order, String assignee, Long dueDate, Long startDate, Long endDate) {}
