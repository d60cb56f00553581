package io.sightline.server.query.thehive;

import io.sightline.server.core.InvalidQuery;
import tools.jackson.databind.JsonNode;

/**
 * Typed reads of the values inside query steps. Jackson's lenient accessors throw an unchecked
 * exception on an object or an out-of-range number, which would surface as a 500: every value a
 * client sends in a query is read here instead, and a wrong JSON type is a 400 naming the place.
 */
final class QueryValues {
    private QueryValues() {}

    /** A string; a number or boolean is taken as its text, as TheHive does. */
    static String text(JsonNode v, String where) {
        if (v != null && (v.isString() || v.isNumber() || v.isBoolean())) return v.asString();
        throw new InvalidQuery(where + " must be a string, not " + kind(v));
    }

    /** A whole number that fits in 64 bits (epoch milliseconds, counts, severities). */
    static long number(JsonNode v, String where) {
        if (v != null && v.isNumber() && v.canConvertToLong()) {
            if (v.isIntegralNumber()) return v.longValue();
            double d = v.doubleValue();
            if (d == Math.rint(d)) return (long) d;
        }
        throw new InvalidQuery(where + " must be a whole number between -2^63 and 2^63-1, not " + kind(v));
    }

    /** A finite number, whole or not (a custom field of type float). */
    static double decimal(JsonNode v, String where) {
        if (v != null && v.isNumber() && Double.isFinite(v.doubleValue())) return v.doubleValue();
        throw new InvalidQuery(where + " must be a number, not " + kind(v));
    }

    /** A record id: {@code "~123"}, {@code "123"} or 123. An id that cannot exist matches nothing. */
    static long id(JsonNode v, String where) {
        String s = text(v, where);
        try {
            return Long.parseLong(s.startsWith("~") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String kind(JsonNode v) {
        if (v == null || v.isMissingNode()) return "nothing";
        if (v.isObject()) return "an object";
        if (v.isArray()) return "an array";
        if (v.isNull()) return "null";
        if (v.isNumber()) return "the number " + abbreviate(v.toString());
        if (v.isBoolean()) return "a boolean";
        return "a string";
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
