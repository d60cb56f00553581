package io.sightline.server.query;

import io.sightline.server.auth.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * An entity {@code /api/v1/query} can list, registered by the package that owns it as a Spring
 * bean: the engine ({@link QueryService}) plans and runs queries over every {@code QuerySource}
 * without knowing any of them. See this package's documentation for an example.
 */
public interface QuerySource {
    /** The entity's name, which navigation links use as their starting point: {@code "case"}. */
    String entity();

    /** The name in messages: {@code "Case"}. */
    String label();

    /** The table whose rows are listed (alias {@code t}); it has a numeric {@code id} column. */
    String table();

    /** The initial step that lists every visible record: {@code "listCase"}. */
    String listStep();

    /** The initial step that gets one record by {@code idOrName}: {@code "getCase"}; empty when there is none. */
    default Optional<String> getStep() {
        return Optional.empty();
    }

    /** The fields filters and sorts may use, in the order messages list them. */
    List<QueryField> fields();

    /**
     * The {@code custom_field_value.entity} of its records' custom field values, when they have
     * some: filters and sorts may then name {@code customFields.<name>} (or TheHive 4's
     * {@code customFields.<name>.<type>}) of any defined field.
     */
    default Optional<String> customFieldOwner() {
        return Optional.empty();
    }

    /** Further list steps over the same records, narrowed for the caller (tasks' {@code myTasks}). */
    default List<QueryList> namedLists() {
        return List.of();
    }

    /** The {@code entity_tag.entity} of its tags, when a field is {@link QueryField#tags()}. */
    default String tagEntity() {
        throw new IllegalStateException(label() + " has no tags");
    }

    /**
     * The rows the caller's organisation sees. Most tables carry {@code org_id}; a record reached
     * through a parent can test the parent's ({@code t.case_id IN (SELECT c.id FROM case_record c
     * WHERE c.org_id = ?)}), a platform-wide one returns {@link SqlCondition#ALWAYS}.
     */
    default SqlCondition scope(long orgId) {
        return SqlCondition.of("t.org_id = ?", orgId);
    }

    /**
     * The rows this caller sees: by default those of the organisation the caller acts in
     * ({@link #scope(long)}); a platform-wide record whose visibility depends on the caller's
     * rights (organisations: a platform admin sees them all) overrides this one.
     */
    default SqlCondition scope(Principal caller) {
        return scope(caller.orgId());
    }

    /**
     * The record {@code idOrName} of the get step names; empty when it names none (a 404). The
     * default accepts {@code "~id"}; an id that is not a number matches nothing.
     */
    default Optional<SqlCondition> byIdOrName(String idOrName) {
        if (!idOrName.startsWith("~")) return Optional.empty();
        try {
            return Optional.of(SqlCondition.of("t.id = ?", Long.parseLong(idOrName.substring(1))));
        } catch (NumberFormatException e) {
            return Optional.of(SqlCondition.of("t.id = ?", -1L));
        }
    }

    /** TheHive's views of the records with these ids (all visible to the caller), in this order. */
    List<?> views(List<Long> ids);

    /**
     * The extra data a page step may ask for, by name, such as {@code observableStats}; names a
     * source does not provide are ignored, as TheHive does. {@code total} is the engine's own.
     */
    default Map<String, QueryExtraData> extraData() {
        return Map.of();
    }

    /** Records put back in the order of {@code ids} (a read by {@code IN} answers in no order); a missing one is left out. */
    static <R> List<R> inOrderOf(List<Long> ids, List<R> records, Function<R, Long> idOf) {
        Map<Long, R> byId = new HashMap<>();
        for (R r : records) byId.put(idOf.apply(r), r);
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** The navigation steps that lead to this entity from others. */
    default List<QueryLink> linksIn() {
        return List.of();
    }
}
