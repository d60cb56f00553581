package io.sightline.server.query;

import io.sightline.server.query.model.SortField;
import java.util.List;
import java.util.function.Supplier;

/**
 * The SQL of one custom field of an entity's records, read in {@code custom_field_value} (one row
 * per value, the value in the column of the field's type, {@code (field_id, <column>)} indexed).
 * The owner's name (its {@code entity}, from the registering package) is written as a literal, as
 * tags' are, so that the planner sees it; the field's id and every value are bound.
 */
record CustomFieldSql(String owner, QueryCustomFields.Definition definition) {
    CustomFieldSql {
        if (!owner.matches("[A-Za-z]+")) throw new IllegalArgumentException("Not an entity name: " + owner);
    }

    /** The value column within the sub-selects, row {@code v}. */
    String valueColumn() {
        return "v." + definition.column();
    }

    /**
     * The rows {@code t} with at least one value meeting {@code condition} (on {@link #valueColumn()});
     * the condition is built after the field's id is bound, so that its parameters follow in order.
     */
    String rowsWithValue(List<Object> params, Supplier<String> condition) {
        params.add(definition.id());
        String valueCondition = condition.get();
        return "t.id IN (SELECT v.entity_id FROM custom_field_value v WHERE v.entity = '" + owner
                + "' AND v.field_id = ? AND " + valueCondition + ")";
    }

    /**
     * The sort key of row {@code t}: of several values, the least ascending and the greatest
     * descending; a record without a value comes last either way (as TheHive's search index sorts).
     */
    String orderBy(SortField.Direction direction, List<Object> params) {
        params.add(definition.id());
        String pick = direction == SortField.Direction.ASC ? "MIN" : "MAX";
        return "(SELECT " + pick + "(" + valueColumn() + ") FROM custom_field_value v WHERE v.entity = '" + owner
                + "' AND v.entity_id = t.id AND v.field_id = ?) " + direction.name() + " NULLS LAST";
    }
}
