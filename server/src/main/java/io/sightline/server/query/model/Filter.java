package io.sightline.server.query.model;

import java.util.List;

/** A condition on the records of the current step; field names are the entity's API names. */
public sealed interface Filter {
    record And(List<Filter> all) implements Filter {
        public And { all = List.copyOf(all); }
    }

    record Or(List<Filter> any) implements Filter {
        public Or { any = List.copyOf(any); }
    }

    record Not(Filter filter) implements Filter {}

    /** Matches every record ({@code _any}, {@code _string}, an empty filter). */
    record Everything() implements Filter {}

    /** {@code field op value}; on a tag field, EQ means "has this tag" and NE "has not". */
    record Compare(String field, Comparison op, Value value) implements Filter {}

    enum Comparison { EQ, NE, LT, LTE, GT, GTE }

    /** The field equals one of the values (has one of the tags); no value matches nothing. */
    record In(String field, List<Value> values) implements Filter {
        public In { values = List.copyOf(values); }
    }

    /** {@code from <= field < to}. */
    record Between(String field, Value from, Value to) implements Filter {}

    /** Case-insensitive text match of a text or tag field. */
    record Like(String field, String text, Match match) implements Filter {}

    enum Match {
        /** {@code *} is a wildcard; a text without one matches as "contains". */
        WILDCARD,
        STARTS_WITH,
        ENDS_WITH,
        CONTAINS
    }

    /** The field has a value (a record has at least one tag). */
    record Has(String field) implements Filter {}

    /** The record with this id ({@code -1} when the id cannot exist, matching nothing). */
    record IdIs(long id) implements Filter {}
}
