package io.sightline.server.casetemplates;

/** A stored task spec of a template, with its order resolved. */
public record TemplateTask(long id, TaskSpec spec, int order, String createdBy, long createdAt) {}
