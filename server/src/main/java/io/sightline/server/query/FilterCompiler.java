package io.sightline.server.query;

import io.sightline.server.api.JsonInput;
import io.sightline.server.common.Pap;
import io.sightline.server.common.Tlp;
import io.sightline.server.core.InvalidQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Compiles TheHive's filter DSL ({@code _eq, _and, _like, _between...}) into a parameterised SQL
 * condition on alias {@code t}. Field names are checked against the entity, values are always
 * bound as parameters, so nothing a client sends is spliced into SQL.
 */
final class FilterCompiler {
    private final QueryEntity entity;
    private final List<Object> params;

    FilterCompiler(QueryEntity entity, List<Object> params) {
        this.entity = entity;
        this.params = params;
    }

    String compile(JsonNode filter) {
        if (!filter.isObject()) throw error("A filter must be a JSON object, not " + filter);
        List<String> parts = new ArrayList<>();
        for (String key : filter.propertyNames()) {
            if (key.equals("_name")) continue;
            parts.add(operator(key, filter.get(key)));
        }
        if (parts.isEmpty()) return "1 = 1";
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" AND ", parts) + ")";
    }

    private String operator(String op, JsonNode arg) {
        return switch (op) {
            case "_and" -> combine(arg, " AND ", op);
            case "_or" -> combine(arg, " OR ", op);
            case "_not" -> "NOT (" + compile(arg) + ")";
            case "_any", "_string" -> "1 = 1";
            case "_eq", "_is" -> compare(arg, "=");
            case "_ne" -> compare(arg, "<>");
            case "_lt" -> compare(arg, "<");
            case "_lte" -> compare(arg, "<=");
            case "_gt" -> compare(arg, ">");
            case "_gte" -> compare(arg, ">=");
            case "_in" -> in(arg);
            case "_between" -> between(arg);
            case "_like", "_wildcard" -> like(arg, false, false, true);
            case "_startsWith" -> like(arg, false, true, false);
            case "_endsWith" -> like(arg, true, false, false);
            case "_match" -> like(arg, true, true, false);
            case "_has", "_contains" -> has(arg);
            case "_id" -> idEquals(arg);
            case "_field" -> throw error("A filter with _field needs an operator such as _eq around it");
            default -> {
                if (op.startsWith("_")) throw error("Unknown filter operator " + op);
                yield compareValue(entity.field(op), "=", arg);
            }
        };
    }

    private String combine(JsonNode arg, String joiner, String op) {
        if (!arg.isArray()) throw error(op + " takes an array of filters");
        if (arg.isEmpty()) return joiner.trim().equals("AND") ? "1 = 1" : "1 = 0";
        List<String> parts = new ArrayList<>();
        for (JsonNode f : arg) parts.add(compile(f));
        return "(" + String.join(joiner, parts) + ")";
    }

    /** {@code {_field, _value}} or the bare form used by the operator. */
    private String compare(JsonNode arg, String sqlOp) {
        Field f = entity.field(text(arg, "_field"));
        JsonNode value = arg.get("_value");
        if (value == null) throw error("Filter on " + f.name() + " needs _value");
        return compareValue(f, sqlOp, value);
    }

    private String compareValue(Field f, String sqlOp, JsonNode value) {
        if (f.kind() == Field.Kind.TAGS) {
            if (!sqlOp.equals("=") && !sqlOp.equals("<>")) throw error("Tags can only be compared for equality");
            params.add(QueryValues.text(value, "A tag compared with " + f.name()));
            String exists = "EXISTS (SELECT 1 FROM " + tagRows() + " AND g.tag = ?)";
            return sqlOp.equals("=") ? exists : "NOT " + exists;
        }
        if (value.isNull()) {
            if (sqlOp.equals("=")) return "t." + f.column() + " IS NULL";
            if (sqlOp.equals("<>")) return "t." + f.column() + " IS NOT NULL";
            throw error("null can only be compared for equality");
        }
        params.add(convert(f, value));
        return "t." + f.column() + " " + sqlOp + " ?";
    }

    private String in(JsonNode arg) {
        Field f = entity.field(text(arg, "_field"));
        JsonNode values = arg.get("_values");
        if (values == null || !values.isArray()) throw error("_in on " + f.name() + " needs an array _values");
        if (values.isEmpty()) return "1 = 0";
        List<String> marks = new ArrayList<>();
        for (JsonNode v : values) {
            params.add(f.kind() == Field.Kind.TAGS ? QueryValues.text(v, "A tag in _in on " + f.name()) : convert(f, v));
            marks.add("?");
        }
        if (f.kind() == Field.Kind.TAGS) {
            return "EXISTS (SELECT 1 FROM " + tagRows() + " AND g.tag IN (" + String.join(", ", marks) + "))";
        }
        return "t." + f.column() + " IN (" + String.join(", ", marks) + ")";
    }

    private String between(JsonNode arg) {
        Field f = entity.field(text(arg, "_field"));
        JsonNode from = arg.get("_from");
        JsonNode to = arg.get("_to");
        if (from == null || to == null) throw error("_between on " + f.name() + " needs _from and _to");
        if (f.kind() == Field.Kind.TAGS) throw error("Tags cannot be compared by range; use _eq or _in");
        params.add(convert(f, from));
        params.add(convert(f, to));
        return "(t." + f.column() + " >= ? AND t." + f.column() + " < ?)";
    }

    /** Case-insensitive pattern match; {@code *} is a wildcard, a pattern without one matches as "contains". */
    private String like(JsonNode arg, boolean anyStart, boolean anyEnd, boolean wildcard) {
        Field f = entity.field(text(arg, "_field"));
        if (f.kind() != Field.Kind.STRING && f.kind() != Field.Kind.TAGS) throw error("Pattern filters apply to text fields, not " + f.name());
        JsonNode v = arg.get("_value");
        if (v == null || !v.isString()) throw error("Pattern filter on " + f.name() + " needs a string _value");
        String raw = v.stringValue().toLowerCase(Locale.ROOT);
        String escaped = raw.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        String pattern;
        if (wildcard && raw.contains("*")) {
            pattern = escaped.replace("*", "%");
        } else {
            pattern = (anyStart || wildcard ? "%" : "") + escaped + (anyEnd || wildcard ? "%" : "");
        }
        if (f.kind() == Field.Kind.TAGS) {
            params.add(pattern);
            return "EXISTS (SELECT 1 FROM " + tagRows() + " AND LOWER(g.tag) LIKE ? ESCAPE '\\')";
        }
        params.add(pattern);
        return "LOWER(t." + f.column() + ") LIKE ? ESCAPE '\\'";
    }

    private String has(JsonNode arg) {
        String name = arg.isString() ? arg.stringValue() : text(arg, "_field");
        Field f = entity.field(name);
        if (f.kind() == Field.Kind.TAGS) {
            return "EXISTS (SELECT 1 FROM " + tagRows() + ")";
        }
        return "t." + f.column() + " IS NOT NULL";
    }

    /**
     * The tag rows of the filtered row. The entity is written as a literal (it comes from the enum,
     * never from the client) so that PostgreSQL can use its tag index, which leaves observables out.
     */
    private String tagRows() {
        return "entity_tag g WHERE g.entity = '" + entity.tagEntity + "' AND g.entity_id = t.id";
    }

    private String idEquals(JsonNode arg) {
        params.add(QueryValues.id(arg, "_id"));
        return "t.id = ?";
    }

    private Object convert(Field f, JsonNode v) {
        return switch (f.kind()) {
            case ID -> QueryValues.id(v, "Field " + f.name());
            case NUMBER -> QueryValues.number(v, "Field " + f.name());
            case BOOLEAN -> {
                if (!v.isBoolean()) throw error("Field " + f.name() + " takes true or false, not " + v);
                yield v.booleanValue();
            }
            case LEVEL -> f.name().equals("tlp") ? JsonInput.level(v, "tlp", Tlp::of, Tlp::parse, "a TLP number or name").value()
                    : JsonInput.level(v, "pap", Pap::of, Pap::parse, "a PAP number or name").value();
            default -> {
                if (!v.isString() && !v.isNumber() && !v.isBoolean()) throw error("Field " + f.name() + " takes text, not " + v);
                yield v.asString();
            }
        };
    }

    private static String text(JsonNode arg, String key) {
        if (arg == null || !arg.isObject() || arg.get(key) == null || !arg.get(key).isString()) {
            throw error("Filter needs a string " + key + " in " + arg);
        }
        return arg.get(key).stringValue();
    }

    static InvalidQuery error(String message) {
        return new InvalidQuery(message);
    }
}
