package io.sightline.server.query.model;

import java.util.List;

/** A step after the initial one. */
public sealed interface Step {
    record FilterStep(Filter filter) implements Step {}

    record SortStep(List<SortField> fields) implements Step {
        public SortStep { fields = List.copyOf(fields); }
    }

    /** Items {@code from} (inclusive) to {@code to} (exclusive); extraData names what to add ({@code total}). */
    record PageStep(long from, long to, List<String> extraData) implements Step {
        public PageStep { extraData = List.copyOf(extraData); }
    }

    /** Follows a registered navigation, such as a case's {@code observables}. */
    record NavigateStep(String name) implements Step {}

    /** The number of records instead of the records; only as the last step. */
    record CountStep() implements Step {}
}
