package io.sightline.testkit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The queries of {@code bench scale}, as thehive4py sends them to {@code POST /api/v1/query}
 * (its {@code find} with filters, sort and page, and its {@code count}): what an analyst's screens
 * and a SOAR playbook ask all day. Each query draws its values as they occur in the data (a hot
 * observable value more often than a rare one, tags by their frequency).
 */
final class ScaleQueries {
    /** An analyst of an organisation with an API key. */
    record Client(String login, String key, int org) {}

    /** A named query: its body for a client, with values drawn from {@code rnd}. */
    record Query(String name, String route, Body body) {}

    interface Body {
        String of(Client client, SplittableRandom rnd);
    }

    private static final String PAGE = "{\"_name\":\"page\",\"from\":0,\"to\":15,\"extraData\":[]}";
    private static final String NEWEST_FIRST = "{\"_name\":\"sort\",\"_fields\":[{\"_createdAt\":\"desc\"}]}";

    private ScaleQueries() {}

    static List<Query> all(ScaleData data) {
        List<Query> queries = new ArrayList<>();
        queries.add(new Query("my open cases, page 1", "cases", (c, rnd) -> query("listCase",
                "{\"_and\":[{\"_eq\":{\"_field\":\"assignee\",\"_value\":" + quote(c.login()) + "}}," + OPEN + "]}", NEWEST_FIRST, PAGE)));
        queries.add(new Query("observable by value", "observables", (c, rnd) -> query("listObservable",
                "{\"_eq\":{\"_field\":\"data\",\"_value\":" + quote(data.value(rnd)[1]) + "}}", null, PAGE)));
        queries.add(new Query("new alerts of 24 h by severity", "alerts", (c, rnd) -> query("listAlert",
                "{\"_and\":[{\"_eq\":{\"_field\":\"status\",\"_value\":\"New\"}},{\"_gte\":{\"_field\":\"date\",\"_value\":"
                        + (System.currentTimeMillis() - ScaleData.DAY) + "}}]}",
                "{\"_name\":\"sort\",\"_fields\":[{\"severity\":\"desc\"},{\"date\":\"desc\"}]}", PAGE)));
        queries.add(new Query("cases by tag, page 1", "cases", (c, rnd) -> query("listCase",
                "{\"_eq\":{\"_field\":\"tags\",\"_value\":" + quote(data.tag(rnd)) + "}}", NEWEST_FIRST, PAGE)));
        queries.add(new Query("count of open cases", "cases.count", (c, rnd) -> query("listCase", OPEN, null, "{\"_name\":\"count\"}")));
        for (ScaleData.Term term : ScaleData.TERMS) {
            queries.add(new Query(String.format("full-text, %s %% of cases", percent(term.share())), "cases", (c, rnd) -> query("listCase",
                    "{\"_or\":[{\"_like\":{\"_field\":\"title\",\"_value\":\"*" + term.word() + "*\"}},"
                            + "{\"_like\":{\"_field\":\"description\",\"_value\":\"*" + term.word() + "*\"}}]}", NEWEST_FIRST, PAGE)));
        }
        return queries;
    }

    private static final String OPEN = "{\"_in\":{\"_field\":\"status\",\"_values\":[\"New\",\"InProgress\"]}}";

    private static String query(String list, String filter, String sort, String last) {
        StringBuilder q = new StringBuilder("{\"query\":[{\"_name\":\"").append(list).append("\"}");
        q.append(",{\"_name\":\"filter\",").append(filter, 1, filter.length());
        if (sort != null) q.append(',').append(sort);
        return q.append(',').append(last).append("]}").toString();
    }

    private static String percent(double share) {
        return new java.math.BigDecimal(share * 100).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
