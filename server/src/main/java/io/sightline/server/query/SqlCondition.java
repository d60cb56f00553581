package io.sightline.server.query;

import java.util.List;

/** A condition on the row {@code t}, with one bound parameter per {@code ?}, in order. */
public record SqlCondition(String sql, List<Object> params) {
    public static final SqlCondition ALWAYS = new SqlCondition("1 = 1", List.of());

    public SqlCondition {
        params = List.copyOf(params);
        long marks = sql.chars().filter(c -> c == '?').count();
        if (marks != params.size()) throw new IllegalArgumentException(sql + " has " + marks + " parameters, given " + params.size());
    }

    public static SqlCondition of(String sql, Object... params) {
        return new SqlCondition(sql, List.of(params));
    }

    /** This condition and another one, their parameters in order. */
    public SqlCondition and(String other, Object... otherParams) {
        List<Object> all = new java.util.ArrayList<>(params);
        all.addAll(List.of(otherParams));
        return new SqlCondition("(" + sql + ") AND " + other, all);
    }
}
