package io.sightline.server.api;

import io.sightline.server.core.Invalid;
import io.sightline.server.core.Malformed;
import io.sightline.server.core.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.IntFunction;
import tools.jackson.databind.JsonNode;

/**
 * Strict reader of a JSON object sent by a client: unknown fields and ill-typed values are
 * rejected with a message naming the field, and "absent" stays distinct from "null" (PATCH).
 */
public final class JsonInput {
    private final JsonNode node;
    private final String what;

    private JsonInput(JsonNode node, String what) {
        this.node = node;
        this.what = what;
    }

    public static JsonInput of(JsonNode body, String what, Set<String> allowedFields) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw new Malformed("A JSON object describing the " + what + " is required");
        }
        if (!body.isObject()) {
            throw new Malformed("The " + what + " must be a JSON object");
        }
        Set<String> unknown = new TreeSet<>(body.propertyNames());
        unknown.removeAll(allowedFields);
        if (!unknown.isEmpty()) {
            throw new Invalid("Unknown field" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + " in " + what + "; accepted fields: " + String.join(", ", new TreeSet<>(allowedFields)));
        }
        return new JsonInput(body, what);
    }

    public boolean has(String field) {
        return node.has(field);
    }

    /** Present and not null. */
    public boolean hasValue(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    public JsonNode raw(String field) {
        return node.get(field);
    }

    public Optional<String> string(String field, int maxLength) {
        if (!hasValue(field)) return Optional.empty();
        JsonNode v = node.get(field);
        if (!v.isString()) throw typeError(field, "a string");
        return Optional.of(storable(field, what, v.stringValue(), maxLength));
    }

    public String requiredString(String field, int maxLength) {
        String s = string(field, maxLength).orElseThrow(() -> missing(field));
        if (s.isBlank()) throw new Invalid("Field " + field + " of " + what + " must not be empty");
        return s;
    }

    /**
     * A string field checked for its type only, for a command whose own rules (length, blank)
     * apply later; empty when absent or null.
     */
    public Optional<String> text(String field) {
        if (!hasValue(field)) return Optional.empty();
        JsonNode v = node.get(field);
        if (!v.isString()) throw typeError(field, "a string");
        return Optional.of(v.stringValue());
    }

    /** An array of strings checked for its type only; empty when absent or null. */
    public Optional<List<String>> texts(String field) {
        if (!hasValue(field)) return Optional.empty();
        JsonNode v = node.get(field);
        if (!v.isArray()) throw typeError(field, "an array of strings");
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode item : v) {
            if (!item.isString()) throw typeError(field, "an array of strings");
            out.add(item.stringValue());
        }
        return Optional.of(out);
    }

    public Optional<Integer> integer(String field) {
        if (!hasValue(field)) return Optional.empty();
        JsonNode v = node.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) throw typeError(field, "an integer");
        return Optional.of(v.intValue());
    }

    public Optional<Long> epochMillis(String field) {
        if (!hasValue(field)) return Optional.empty();
        JsonNode v = node.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) throw typeError(field, "a date in epoch milliseconds");
        return Optional.of(v.longValue());
    }

    /**
     * A level such as TLP or PAP, sent as its number or its name: {@code byNumber} and {@code byName}
     * are the level's own parsers (which refuse an unknown level); empty when absent or null.
     *
     * @param expected how the message names the accepted values ("a TLP number or name")
     */
    public <T> Optional<T> level(String field, IntFunction<T> byNumber, Function<String, T> byName, String expected) {
        return hasValue(field) ? Optional.of(level(node.get(field), field, byNumber, byName, expected)) : Optional.empty();
    }

    /** A level read from a value that is not a field of a body (a query filter's, say). */
    public static <T> T level(JsonNode v, String field, IntFunction<T> byNumber, Function<String, T> byName, String expected) {
        if (v.isIntegralNumber() && v.canConvertToInt()) return byNumber.apply(v.intValue());
        if (v.isString()) return byName.apply(v.stringValue());
        throw new Invalid("Field " + field + " must be " + expected);
    }

    public Optional<Boolean> bool(String field) {
        if (!hasValue(field)) return Optional.empty();
        JsonNode v = node.get(field);
        if (!v.isBoolean()) throw typeError(field, "true or false");
        return Optional.of(v.booleanValue());
    }

    public Optional<List<String>> strings(String field, int maxItems, int maxLength) {
        if (!hasValue(field)) return Optional.empty();
        JsonNode v = node.get(field);
        if (!v.isArray()) throw typeError(field, "an array of strings");
        if (v.size() > maxItems) {
            throw new Invalid("Field " + field + " of " + what + " has " + v.size() + " items, at most " + maxItems);
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode item : v) {
            if (!item.isString()) throw typeError(field, "an array of strings");
            out.add(storable(field, what, item.stringValue(), maxLength));
        }
        return Optional.of(out);
    }

    /** Text the databases can store (see {@link Text#storable}). */
    public static String storable(String field, String what, String s, int maxLength) {
        return Text.storable(field, what, s, maxLength);
    }

    public Invalid missing(String field) {
        return new Invalid("Field " + field + " of " + what + " is required");
    }

    public Invalid typeError(String field, String expected) {
        return new Invalid("Field " + field + " of " + what + " must be " + expected
                + " (got " + describe(node.get(field)) + ")");
    }

    private static String describe(JsonNode v) {
        if (v == null) return "nothing";
        if (v.isString()) return "string \"" + abbreviate(v.stringValue()) + "\"";
        if (v.isNumber()) return "number " + v;
        if (v.isBoolean()) return "boolean " + v;
        if (v.isArray()) return "an array";
        if (v.isObject()) return "an object";
        return v.getNodeType().toString().toLowerCase();
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
