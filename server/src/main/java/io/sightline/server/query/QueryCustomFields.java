package io.sightline.server.query;

import java.util.Optional;

/**
 * The custom field definitions, as the engine needs them to filter and sort on
 * {@code customFields.<name>}: which typed column of {@code custom_field_value} holds a field's
 * values and how its values are read. The {@code customfields} package provides it, so the engine
 * stays below that package.
 */
public interface QueryCustomFields {
    /** No custom field at all (an engine built without definitions, as in unit tests). */
    QueryCustomFields NONE = name -> Optional.empty();

    /** The definition of this exact name; empty when there is none. */
    Optional<Definition> find(String name);

    /**
     * A custom field as the engine reads it.
     *
     * @param type   TheHive's name of its type ({@code integer}), accepted as the suffix of {@code customFields.<name>.<type>}
     * @param kind   how filter values are read and compared
     * @param column the column of {@code custom_field_value} holding its values ({@code integer_value})
     */
    record Definition(long id, String name, String type, QueryField.Kind kind, String column) {
        public Definition {
            if (!column.matches("[a-z_]+")) throw new IllegalArgumentException("Not a column name: " + column);
        }
    }
}
