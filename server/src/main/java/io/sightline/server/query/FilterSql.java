package io.sightline.server.query;

import io.sightline.server.core.InvalidQuery;
import io.sightline.server.query.model.Filter;
import io.sightline.server.query.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compiles a typed {@link Filter} into a parameterised SQL condition on alias {@code t}. Field names
 * are checked against the entity and values are always bound as parameters, so nothing a client
 * sends is spliced into SQL.
 */
final class FilterSql {
    /**
     * The longest {@code _in} list compared through a field's digest too: a longer one binds its
     * values once, so that the digests never bring a list the engine accepted over its parameter limit.
     */
    static final int DIGESTED_IN_LIMIT = 1_000;

    private final QueryEntity entity;
    private final List<Object> params;

    FilterSql(QueryEntity entity, List<Object> params) {
        this.entity = entity;
        this.params = params;
    }

    String compile(Filter filter) {
        if (filter instanceof Filter.And and) return combine(and.all(), " AND ", "1 = 1");
        if (filter instanceof Filter.Or or) return combine(or.any(), " OR ", "1 = 0");
        if (filter instanceof Filter.Not not) return "NOT (" + compile(not.filter()) + ")";
        if (filter instanceof Filter.Everything) return "1 = 1";
        if (filter instanceof Filter.Compare c) return compare(entity.field(c.field()), c.op(), c.value());
        if (filter instanceof Filter.In in) return in(entity.field(in.field()), in.values());
        if (filter instanceof Filter.Between b) return between(entity.field(b.field()), b.from(), b.to());
        if (filter instanceof Filter.Like like) return like(entity.field(like.field()), like.text(), like.match());
        if (filter instanceof Filter.Has has) return has(entity.field(has.field()));
        return bind("t.id = ?", ((Filter.IdIs) filter).id());
    }

    private String combine(List<Filter> filters, String joiner, String empty) {
        if (filters.isEmpty()) return empty;
        List<String> parts = new ArrayList<>();
        for (Filter f : filters) parts.add(compile(f));
        return "(" + String.join(joiner, parts) + ")";
    }

    private String compare(QueryField f, Filter.Comparison op, Value value) {
        boolean equality = op == Filter.Comparison.EQ || op == Filter.Comparison.NE;
        if (f.customField() != null) return compareCustom(f, op, value);
        if (f.kind() == QueryField.Kind.TAGS) {
            if (!equality) throw new InvalidQuery("Tags can only be compared for equality");
            String exists = "EXISTS (SELECT 1 FROM " + tagRows() + " AND g.tag = ?)";
            params.add(bound(f, value));
            return op == Filter.Comparison.EQ ? exists : "NOT " + exists;
        }
        if (value instanceof Value.Null) {
            if (!equality) throw new InvalidQuery("null can only be compared for equality");
            return f.expression() + (op == Filter.Comparison.EQ ? " IS NULL" : " IS NOT NULL");
        }
        if (op == Filter.Comparison.EQ && f.digest() != null) {
            String text = (String) bound(f, value);
            params.add(f.digest().of().apply(text));
            return bind("(" + f.digest().expression() + " = ? AND " + f.expression() + " = ?)", text);
        }
        return bind(f.expression() + " " + sql(op) + " ?", bound(f, value));
    }

    /**
     * A custom field compares any of the record's values: {@code _ne} keeps the records with no
     * value equal (those without the field too), {@code null} stands for "no value".
     */
    private String compareCustom(QueryField f, Filter.Comparison op, Value value) {
        if (value instanceof Value.Null) {
            if (op != Filter.Comparison.EQ && op != Filter.Comparison.NE) throw new InvalidQuery("null can only be compared for equality");
            String hasValue = f.customField().rowsWithValue(params, () -> f.expression() + " IS NOT NULL");
            return op == Filter.Comparison.EQ ? "NOT (" + hasValue + ")" : hasValue;
        }
        if (op == Filter.Comparison.NE) return "NOT (" + compareCustom(f, Filter.Comparison.EQ, value) + ")";
        return f.customField().rowsWithValue(params, () -> compare(f.valueOnly(), op, value));
    }

    private static String sql(Filter.Comparison op) {
        return switch (op) {
            case EQ -> "=";
            case NE -> "<>";
            case LT -> "<";
            case LTE -> "<=";
            case GT -> ">";
            case GTE -> ">=";
        };
    }

    private String in(QueryField f, List<Value> values) {
        if (values.isEmpty()) return "1 = 0";
        if (f.customField() != null) return f.customField().rowsWithValue(params, () -> in(f.valueOnly(), values));
        List<String> marks = new ArrayList<>();
        List<Object> bound = new ArrayList<>();
        for (Value v : values) {
            bound.add(bound(f, v));
            marks.add("?");
        }
        String list = "(" + String.join(", ", marks) + ")";
        if (f.digest() != null && values.size() <= DIGESTED_IN_LIMIT) {
            bound.forEach(text -> params.add(f.digest().of().apply((String) text)));
            params.addAll(bound);
            return "(" + f.digest().expression() + " IN " + list + " AND " + f.expression() + " IN " + list + ")";
        }
        params.addAll(bound);
        if (f.kind() == QueryField.Kind.TAGS) return "EXISTS (SELECT 1 FROM " + tagRows() + " AND g.tag IN " + list + ")";
        return f.expression() + " IN " + list;
    }

    private String between(QueryField f, Value from, Value to) {
        if (f.kind() == QueryField.Kind.TAGS) throw new InvalidQuery("Tags cannot be compared by range; use _eq or _in");
        if (f.customField() != null) return f.customField().rowsWithValue(params, () -> between(f.valueOnly(), from, to));
        params.add(bound(f, from));
        params.add(bound(f, to));
        return "(" + f.expression() + " >= ? AND " + f.expression() + " < ?)";
    }

    /** Case-insensitive; the text's own {@code %}, {@code _} and {@code \} are matched literally. */
    private String like(QueryField f, String text, Filter.Match match) {
        if (f.kind() != QueryField.Kind.STRING && f.kind() != QueryField.Kind.TAGS) {
            throw new InvalidQuery("Pattern filters apply to text fields, not " + f.name());
        }
        if (f.customField() != null) return f.customField().rowsWithValue(params, () -> like(f.valueOnly(), text, match));
        String raw = text.toLowerCase(Locale.ROOT);
        String escaped = raw.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        String pattern = switch (match) {
            case WILDCARD -> raw.contains("*") ? escaped.replace("*", "%") : "%" + escaped + "%";
            case STARTS_WITH -> escaped + "%";
            case ENDS_WITH -> "%" + escaped;
            case CONTAINS -> "%" + escaped + "%";
        };
        if (f.kind() == QueryField.Kind.TAGS) {
            return bind("EXISTS (SELECT 1 FROM " + tagRows() + " AND LOWER(g.tag) LIKE ? ESCAPE '\\')", pattern);
        }
        return bind("LOWER(" + f.expression() + ") LIKE ? ESCAPE '\\'", pattern);
    }

    private String has(QueryField f) {
        if (f.kind() == QueryField.Kind.TAGS) return "EXISTS (SELECT 1 FROM " + tagRows() + ")";
        if (f.customField() != null) return f.customField().rowsWithValue(params, () -> f.expression() + " IS NOT NULL");
        return f.expression() + " IS NOT NULL";
    }

    /**
     * The tag rows of the filtered row. The entity is written as a literal (it comes from the
     * registering package, never from the client) so that PostgreSQL can use its tag index.
     */
    private String tagRows() {
        return "entity_tag g WHERE g.entity = '" + entity.source().tagEntity() + "' AND g.entity_id = t.id";
    }

    private String bind(String sql, Object value) {
        params.add(value);
        return sql;
    }

    /** The value to bind, refused when its type does not suit the field (a typed caller's mistake). */
    private static Object bound(QueryField f, Value v) {
        boolean fits = switch (f.kind()) {
            case STRING, TAGS -> v instanceof Value.Text;
            case NUMBER, ID, LEVEL -> v instanceof Value.Whole;
            case DECIMAL -> v instanceof Value.Decimal;
            case BOOLEAN -> v instanceof Value.Bool;
        };
        if (!fits) throw new InvalidQuery("Field " + f.name() + " cannot be compared with " + v);
        return v.bound();
    }
}
