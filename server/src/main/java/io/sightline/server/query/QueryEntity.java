package io.sightline.server.query;

import io.sightline.server.core.InvalidQuery;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A registered {@link QuerySource} with its fields by name. */
public final class QueryEntity {
    private final QuerySource source;
    private final Map<String, QueryField> fields = new LinkedHashMap<>();

    QueryEntity(QuerySource source) {
        this.source = source;
        for (QueryField f : source.fields()) {
            if (fields.put(f.name(), f) != null) throw new IllegalStateException(source.label() + " declares " + f.name() + " twice");
            if (f.kind() == QueryField.Kind.TAGS) source.tagEntity();
        }
    }

    public QuerySource source() {
        return source;
    }

    public String label() {
        return source.label();
    }

    public Set<String> fieldNames() {
        return Collections.unmodifiableSet(fields.keySet());
    }

    /** The field of this name; an unknown one is a 400 listing the known ones. */
    public QueryField field(String name) {
        QueryField f = fields.get(name);
        if (f == null) {
            throw new InvalidQuery("Unknown field '" + name + "' for " + label() + "; known fields: " + String.join(", ", fields.keySet()));
        }
        return f;
    }
}
