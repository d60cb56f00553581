package io.sightline.server.tasks;

/** The fields a PATCH of one or many tasks sets; title, group and status cannot be cleared. */
public record TaskChanges(Change<String> title, Change<String> group, Change<String> description,
                          Change<TaskStatus> status, Change<Boolean> flag, Change<Boolean> mandatory,
                          Change<Integer> order, Change<String> assignee, Change<Long> dueDate,
                          Change<Long> startDate, Change<Long> endDate) {}
