package io.sightline.server.query.model;

/** The step a query starts with. */
public sealed interface Initial {
    /** All records of an entity visible to the caller, such as {@code listCase}. */
    record ListAll(String step) implements Initial {}

    /** One record, such as {@code getCase} with {@code "~42"} (or a case number). */
    record GetOne(String step, String idOrName) implements Initial {}
}
