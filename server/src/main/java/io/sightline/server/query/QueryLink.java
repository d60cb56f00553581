package io.sightline.server.query;

/**
 * A navigation step into an entity: the step's name (such as {@code observables}), the entity it
 * starts from (its {@link QuerySource#entity()} name) and the condition the target rows {@code t}
 * meet, where {@value #PARENTS} stands for the sub-select of the starting rows' ids.
 */
public record QueryLink(String step, String from, String condition) {
    public static final String PARENTS = "{parents}";

    public QueryLink {
        if (condition.indexOf(PARENTS) < 0 || condition.indexOf(PARENTS) != condition.lastIndexOf(PARENTS)) {
            throw new IllegalArgumentException("The condition of " + step + " names " + PARENTS + " exactly once: " + condition);
        }
        if (condition.indexOf('?') >= 0) throw new IllegalArgumentException("The condition of " + step + " binds nothing: " + condition);
    }
}
