package io.sightline.server.query.thehive;

import io.sightline.server.api.JsonInput;
import io.sightline.server.common.Pap;
import io.sightline.server.common.Tlp;
import io.sightline.server.core.InvalidQuery;
import io.sightline.server.query.QueryEntity;
import io.sightline.server.query.QueryField;
import io.sightline.server.query.model.Filter;
import io.sightline.server.query.model.Filter.Comparison;
import io.sightline.server.query.model.Value;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads TheHive's filter DSL ({@code _eq, _and, _like, _between...}) into a typed {@link Filter}
 * over one entity: field names are checked against it and values converted to their field's kind,
 * so a wrong name or value is a 400 naming it.
 */
final class FilterReader {
    private final QueryEntity entity;

    FilterReader(QueryEntity entity) {
        this.entity = entity;
    }

    Filter read(JsonNode filter) {
        if (!filter.isObject()) throw new InvalidQuery("A filter must be a JSON object, not " + filter);
        List<Filter> parts = new ArrayList<>();
        for (String key : filter.propertyNames()) {
            if (key.equals("_name")) continue;
            parts.add(operator(key, filter.get(key)));
        }
        if (parts.isEmpty()) return new Filter.Everything();
        return parts.size() == 1 ? parts.get(0) : new Filter.And(parts);
    }

    private Filter operator(String op, JsonNode arg) {
        return switch (op) {
            case "_and" -> new Filter.And(all(arg, op));
            case "_or" -> new Filter.Or(all(arg, op));
            case "_not" -> new Filter.Not(read(arg));
            case "_any", "_string" -> new Filter.Everything();
            case "_eq", "_is" -> compare(arg, Comparison.EQ);
            case "_ne" -> compare(arg, Comparison.NE);
            case "_lt" -> compare(arg, Comparison.LT);
            case "_lte" -> compare(arg, Comparison.LTE);
            case "_gt" -> compare(arg, Comparison.GT);
            case "_gte" -> compare(arg, Comparison.GTE);
            case "_in" -> in(arg);
            case "_between" -> between(arg);
            case "_like", "_wildcard" -> like(arg, Filter.Match.WILDCARD);
            case "_startsWith" -> like(arg, Filter.Match.STARTS_WITH);
            case "_endsWith" -> like(arg, Filter.Match.ENDS_WITH);
            case "_match" -> like(arg, Filter.Match.CONTAINS);
            case "_has", "_contains" -> has(arg);
            case "_id" -> new Filter.IdIs(QueryValues.id(arg, "_id"));
            case "_field" -> throw new InvalidQuery("A filter with _field needs an operator such as _eq around it");
            default -> {
                if (op.startsWith("_")) throw new InvalidQuery("Unknown filter operator " + op);
                yield compareValue(entity.field(op), Comparison.EQ, arg);
            }
        };
    }

    private List<Filter> all(JsonNode arg, String op) {
        if (!arg.isArray()) throw new InvalidQuery(op + " takes an array of filters");
        List<Filter> parts = new ArrayList<>();
        for (JsonNode f : arg) parts.add(read(f));
        return parts;
    }

    /** {@code {_field, _value}}. */
    private Filter compare(JsonNode arg, Comparison op) {
        QueryField f = entity.field(text(arg, "_field"));
        JsonNode value = arg.get("_value");
        if (value == null) throw new InvalidQuery("Filter on " + f.name() + " needs _value");
        return compareValue(f, op, value);
    }

    private Filter compareValue(QueryField f, Comparison op, JsonNode value) {
        boolean equality = op == Comparison.EQ || op == Comparison.NE;
        if (f.kind() == QueryField.Kind.TAGS) {
            if (!equality) throw new InvalidQuery("Tags can only be compared for equality");
            return new Filter.Compare(f.name(), op, new Value.Text(QueryValues.text(value, "A tag compared with " + f.name())));
        }
        if (value.isNull()) {
            if (!equality) throw new InvalidQuery("null can only be compared for equality");
            return new Filter.Compare(f.name(), op, new Value.Null());
        }
        return new Filter.Compare(f.name(), op, convert(f, value));
    }

    private Filter in(JsonNode arg) {
        QueryField f = entity.field(text(arg, "_field"));
        JsonNode values = arg.get("_values");
        if (values == null || !values.isArray()) throw new InvalidQuery("_in on " + f.name() + " needs an array _values");
        List<Value> typed = new ArrayList<>(values.size());
        for (JsonNode v : values) {
            typed.add(f.kind() == QueryField.Kind.TAGS ? new Value.Text(QueryValues.text(v, "A tag in _in on " + f.name())) : convert(f, v));
        }
        return new Filter.In(f.name(), typed);
    }

    private Filter between(JsonNode arg) {
        QueryField f = entity.field(text(arg, "_field"));
        JsonNode from = arg.get("_from");
        JsonNode to = arg.get("_to");
        if (from == null || to == null) throw new InvalidQuery("_between on " + f.name() + " needs _from and _to");
        if (f.kind() == QueryField.Kind.TAGS) throw new InvalidQuery("Tags cannot be compared by range; use _eq or _in");
        return new Filter.Between(f.name(), convert(f, from), convert(f, to));
    }

    private Filter like(JsonNode arg, Filter.Match match) {
        QueryField f = entity.field(text(arg, "_field"));
        if (f.kind() != QueryField.Kind.STRING && f.kind() != QueryField.Kind.TAGS) {
            throw new InvalidQuery("Pattern filters apply to text fields, not " + f.name());
        }
        JsonNode v = arg.get("_value");
        if (v == null || !v.isString()) throw new InvalidQuery("Pattern filter on " + f.name() + " needs a string _value");
        return new Filter.Like(f.name(), v.stringValue(), match);
    }

    private Filter has(JsonNode arg) {
        String name = arg.isString() ? arg.stringValue() : text(arg, "_field");
        return new Filter.Has(entity.field(name).name());
    }

    private static Value convert(QueryField f, JsonNode v) {
        return switch (f.kind()) {
            case ID -> new Value.Whole(QueryValues.id(v, "Field " + f.name()));
            case NUMBER -> new Value.Whole(QueryValues.number(v, "Field " + f.name()));
            case DECIMAL -> new Value.Decimal(QueryValues.decimal(v, "Field " + f.name()));
            case BOOLEAN -> {
                if (!v.isBoolean()) throw new InvalidQuery("Field " + f.name() + " takes true or false, not " + v);
                yield new Value.Bool(v.booleanValue());
            }
            case LEVEL -> new Value.Whole(f.name().equals("tlp") ? JsonInput.level(v, "tlp", Tlp::of, Tlp::parse, "a TLP number or name").value()
                    : JsonInput.level(v, "pap", Pap::of, Pap::parse, "a PAP number or name").value());
            default -> {
                if (!v.isString() && !v.isNumber() && !v.isBoolean()) throw new InvalidQuery("Field " + f.name() + " takes text, not " + v);
                yield new Value.Text(v.asString());
            }
        };
    }

    private static String text(JsonNode arg, String key) {
        if (arg == null || !arg.isObject() || arg.get(key) == null || !arg.get(key).isString()) {
            throw new InvalidQuery("Filter needs a string " + key + " in " + arg);
        }
        return arg.get(key).stringValue();
    }
}
