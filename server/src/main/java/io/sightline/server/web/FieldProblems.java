package io.sightline.server.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Messages of a refused form, by the name of the field each belongs to, for the {@code fieldErrors} fragment. */
public record FieldProblems(Map<String, List<String>> byField) {
    static final FieldProblems NONE = new FieldProblems(Map.of());

    public FieldProblems {
        byField = Map.copyOf(byField);
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public List<String> of(String field) {
        return byField.getOrDefault(field, List.of());
    }

    /** Collects messages field by field, in the order they come. */
    static final class Builder {
        private final Map<String, List<String>> byField = new LinkedHashMap<>();

        Builder add(String field, String message) {
            byField.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
            return this;
        }

        FieldProblems build() {
            return new FieldProblems(byField);
        }
    }
}
