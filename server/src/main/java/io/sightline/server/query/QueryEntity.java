package io.sightline.server.query;

import io.sightline.server.core.InvalidQuery;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A registered {@link QuerySource} with its fields by name, and its custom fields when it has some. */
public final class QueryEntity {
    /** The prefix of a custom field's name in filters and sorts: {@code customFields.<name>}. */
    public static final String CUSTOM_FIELDS = "customFields.";

    private final QuerySource source;
    private final QueryCustomFields customFields;
    private final Map<String, QueryField> fields = new LinkedHashMap<>();
    /** Extra data other packages add ({@link QueryExtraDataSource}), by name. */
    private final Map<String, QueryExtraData> addedExtraData = new LinkedHashMap<>();

    QueryEntity(QuerySource source) {
        this(source, QueryCustomFields.NONE);
    }

    QueryEntity(QuerySource source, QueryCustomFields customFields) {
        this.source = source;
        this.customFields = customFields;
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

    /** The extra data of this name, the source's own or one added by another package; null when none. */
    public QueryExtraData extraData(String name) {
        QueryExtraData own = source.extraData().get(name);
        return own != null ? own : addedExtraData.get(name);
    }

    void add(QueryExtraDataSource extra) {
        if (source.extraData().containsKey(extra.name()) || addedExtraData.putIfAbsent(extra.name(), extra) != null) {
            throw new IllegalStateException("Two sources of extraData " + extra.name() + " for " + label());
        }
    }

    /** The declared fields; custom fields ({@code customFields.<name>}) come on top when the entity has them. */
    public Set<String> fieldNames() {
        return Collections.unmodifiableSet(fields.keySet());
    }

    /** The field of this name; an unknown one is a 400 listing the known ones. */
    public QueryField field(String name) {
        QueryField f = fields.get(name);
        if (f != null) return f;
        Optional<String> owner = source.customFieldOwner();
        if (owner.isPresent() && name.startsWith(CUSTOM_FIELDS)) return customField(name, owner.get());
        throw new InvalidQuery("Unknown field '" + name + "' for " + label() + "; known fields: " + String.join(", ", fields.keySet())
                + (owner.isPresent() ? " and customFields.<name>" : ""));
    }

    /**
     * {@code customFields.<name>}, or TheHive 4's {@code customFields.<name>.<type>} whose type must
     * be the field's. A name may itself hold dots, so the whole rest is tried first.
     */
    private QueryField customField(String path, String owner) {
        String rest = path.substring(CUSTOM_FIELDS.length());
        Optional<QueryCustomFields.Definition> found = customFields.find(rest);
        int dot = rest.lastIndexOf('.');
        if (found.isEmpty() && dot > 0) {
            String type = rest.substring(dot + 1);
            found = customFields.find(rest.substring(0, dot));
            if (found.isPresent() && !found.get().type().equals(type)) {
                throw new InvalidQuery("Custom field " + found.get().name() + " is of type " + found.get().type() + ", not " + type);
            }
        }
        if (found.isEmpty()) {
            throw new InvalidQuery("Unknown custom field '" + rest + "' for " + label() + "; an admin defines custom fields first");
        }
        return QueryField.custom(path, new CustomFieldSql(owner, found.get()));
    }
}
