package io.sightline.server.casetemplates;

/**
 * A task a case made from the template starts with.
 *
 * @param order the client's order, or null to take the task's position in the template
 */
public record TaskSpec(String title, String group, String description, String status, boolean flag, Integer order,
                       Long dueDate, String assignee, boolean mandatory) {}
