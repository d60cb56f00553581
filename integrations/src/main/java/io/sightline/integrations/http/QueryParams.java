package io.sightline.integrations.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Ordered query parameters, encoded the way servers decode them: UTF-8, space as {@code %20}
 * and {@code +} as {@code %2B} (a bare '+' in a timestamp like {@code +00:00} is read as a space).
 * Repeated names are kept (e.g. {@code tag=a&tag=b}).
 */
public final class QueryParams {

    private static final QueryParams EMPTY = new QueryParams(List.of());

    private final List<String[]> pairs;

    private QueryParams(List<String[]> pairs) {
        this.pairs = pairs;
    }

    public static QueryParams empty() {
        return EMPTY;
    }

    public static QueryParams of(String name, Object value) {
        return EMPTY.and(name, value);
    }

    public static QueryParams of(String name1, Object value1, String name2, Object value2) {
        return EMPTY.and(name1, value1).and(name2, value2);
    }

    /** A copy with one more parameter; a null value leaves the parameter out. */
    public QueryParams and(String name, Object value) {
        Objects.requireNonNull(name, "query parameter name");
        if (value == null) {
            return this;
        }
        List<String[]> copy = new ArrayList<>(pairs);
        copy.add(new String[] {name, String.valueOf(value)});
        return new QueryParams(List.copyOf(copy));
    }

    public boolean isEmpty() {
        return pairs.isEmpty();
    }

    /** The encoded query string without the leading '?'. */
    public String encode() {
        StringBuilder query = new StringBuilder();
        for (String[] pair : pairs) {
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append(encodeComponent(pair[0])).append('=').append(encodeComponent(pair[1]));
        }
        return query.toString();
    }

    /** Percent-encodes one query name or value. */
    public static String encodeComponent(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Percent-encodes one path segment, so that an analyzer name or id with '/' or ' ' stays one segment. */
    public static String encodePathSegment(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return encode();
    }
}
