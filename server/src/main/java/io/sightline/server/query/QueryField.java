package io.sightline.server.query;

import java.util.function.UnaryOperator;

/**
 * A field filters and sorts may use: its API name, the SQL expression it reads on the listed row
 * (alias {@code t}) and the kind of its values. The expression comes from the registering package,
 * never from a client.
 *
 * @param customField for {@code customFields.<name>}: the field's definition; the expression then
 *                    reads the value row {@code v} of {@code custom_field_value} (see {@link CustomFieldSql})
 * @param digest      an indexed digest of the value, which equality checks first (see {@link Digest}); {@code null} for none
 */
public record QueryField(String name, String expression, Kind kind, CustomFieldSql customField, Digest digest) {
    /**
     * A column holding a digest of the field's value on every row whose value is not null (an
     * observable's {@code data_key}, the SHA-256 of its {@code data}): a long text is not indexed,
     * its digest is, so {@code field = v} becomes {@code digest = of(v) AND field = v}, which
     * selects the same rows through the digest's index.
     */
    public record Digest(String expression, UnaryOperator<String> of) {}

    public enum Kind {
        STRING, NUMBER, BOOLEAN, ID,
        /** A floating-point number (a custom field of type float): any JSON number. */
        DECIMAL,
        /** The record's tags in {@code entity_tag}: equality means "has the tag"; not sortable. */
        TAGS,
        /** TLP or PAP (by the field's name, {@code tlp} or {@code pap}): a number or a name such as AMBER. */
        LEVEL
    }

    public QueryField(String name, String expression, Kind kind) {
        this(name, expression, kind, null, null);
    }

    public QueryField(String name, String expression, Kind kind, CustomFieldSql customField) {
        this(name, expression, kind, customField, null);
    }

    /** This text field with an indexed digest column of the row {@code t} (see {@link Digest}). */
    public QueryField withDigest(String column, UnaryOperator<String> of) {
        if (kind != Kind.STRING || customField != null) throw new IllegalStateException("Only a text column can have a digest: " + name);
        return new QueryField(name, expression, kind, null, new Digest("t." + column, of));
    }

    /** A column of the entity's table. */
    public static QueryField column(String name, String column, Kind kind) {
        return new QueryField(name, "t." + column, kind);
    }

    /** A value computed by SQL over the row {@code t}, e.g. {@code (SELECT COUNT(*) FROM task k WHERE k.case_id = t.id)}. */
    public static QueryField computed(String name, String sqlExpression, Kind kind) {
        return new QueryField(name, "(" + sqlExpression + ")", kind);
    }

    /**
     * The fields every stored record has ({@code _id}, {@code _createdAt}, {@code _createdBy},
     * {@code _updatedAt}, {@code _updatedBy} on the columns of the same role), followed by the entity's own.
     */
    public static java.util.List<QueryField> recordFieldsAnd(QueryField... own) {
        java.util.List<QueryField> all = new java.util.ArrayList<>(java.util.List.of(
                column("_id", "id", Kind.ID),
                column("_createdAt", "created_at", Kind.NUMBER),
                column("_createdBy", "created_by", Kind.STRING),
                column("_updatedAt", "updated_at", Kind.NUMBER),
                column("_updatedBy", "updated_by", Kind.STRING)));
        all.addAll(java.util.List.of(own));
        return java.util.List.copyOf(all);
    }

    /** The tag field, which reads {@code entity_tag} rather than a column. */
    public static QueryField tags() {
        return new QueryField("tags", "", Kind.TAGS);
    }

    /** A custom field of the records, named as the client named it ({@code customFields.score}). */
    static QueryField custom(String name, CustomFieldSql customField) {
        return new QueryField(name, customField.valueColumn(), customField.definition().kind(), customField);
    }

    /** A custom field's value column alone ({@code v.<column>}), to compare inside its sub-select. */
    QueryField valueOnly() {
        return new QueryField(name, expression, kind, null);
    }

    public boolean sortable() {
        return kind != Kind.TAGS;
    }
}
