package io.sightline.server.query;

/**
 * A field filters and sorts may use: its API name, the SQL expression it reads on the listed row
 * (alias {@code t}) and the kind of its values. The expression comes from the registering package,
 * never from a client.
 */
public record QueryField(String name, String expression, Kind kind) {
    public enum Kind {
        STRING, NUMBER, BOOLEAN, ID,
        /** The record's tags in {@code entity_tag}: equality means "has the tag"; not sortable. */
        TAGS,
        /** TLP or PAP (by the field's name, {@code tlp} or {@code pap}): a number or a name such as AMBER. */
        LEVEL
    }

    /** A column of the entity's table. */
    public static QueryField column(String name, String column, Kind kind) {
        return new QueryField(name, "t." + column, kind);
    }

    /** A value computed by SQL over the row {@code t}, e.g. {@code (SELECT COUNT(*) FROM task k WHERE k.case_id = t.id)}. */
    public static QueryField computed(String name, String sqlExpression, Kind kind) {
        return new QueryField(name, "(" + sqlExpression + ")", kind);
    }

    /** The tag field, which reads {@code entity_tag} rather than a column. */
    public static QueryField tags() {
        return new QueryField("tags", "", Kind.TAGS);
    }

    public boolean sortable() {
        return kind != Kind.TAGS;
    }
}
