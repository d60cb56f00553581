package io.sightline.server.query.model;

/** One key of a sort step, by the entity's API field name. */
public record SortField(String field, Direction direction) {
    public enum Direction { ASC, DESC }
}
