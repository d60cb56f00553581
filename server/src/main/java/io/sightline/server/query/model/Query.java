package io.sightline.server.query.model;

import io.sightline.server.core.InvalidQuery;
import java.util.List;

/** A whole query: where it starts, then its steps in order; the view fields to leave out of each result. */
public record Query(Initial initial, List<Step> steps, List<String> excludeFields) {
    public Query(Initial initial, List<Step> steps) {
        this(initial, steps, List.of());
    }

    public Query {
        steps = List.copyOf(steps);
        excludeFields = List.copyOf(excludeFields);
        for (int i = 0; i < steps.size() - 1; i++) {
            if (steps.get(i) instanceof Step.CountStep) throw new InvalidQuery("count must be the last step");
        }
    }
}
