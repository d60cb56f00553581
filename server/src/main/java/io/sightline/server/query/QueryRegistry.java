package io.sightline.server.query;

import io.sightline.server.core.InvalidQuery;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every {@link QuerySource} of the hub, by step. Step names are checked unique when the hub
 * starts. The query tests read it, so an entity registered here is covered by them (streamed lists,
 * ill-typed arguments) without editing them.
 */
@Component
public class QueryRegistry {
    /** The steps every entity has after the initial one. */
    public static final List<String> MODIFIER_STEPS = List.of("filter", "sort", "page", "count");

    private final Map<String, QueryEntity> lists = new TreeMap<>();
    private final Map<String, QueryEntity> gets = new TreeMap<>();
    /** The list steps narrowed for the caller (also in {@link #lists}), by step. */
    private final Map<String, QueryList> narrowed = new TreeMap<>();
    /** Navigation step name, then the entity it starts from, to the link and the entity it leads to. */
    private final Map<String, Map<String, Navigation>> navigations = new TreeMap<>();

    /** A navigation step from one entity to another. */
    public record Navigation(String step, QueryEntity from, QueryEntity to, QueryLink link) {}

    public QueryRegistry(List<QuerySource> sources) {
        this(sources, QueryCustomFields.NONE, List.of());
    }

    @Autowired
    public QueryRegistry(List<QuerySource> sources, QueryCustomFields customFields, List<QueryExtraDataSource> addedExtraData) {
        Map<String, QueryEntity> byName = new HashMap<>();
        for (QuerySource s : sources) {
            QueryEntity e = new QueryEntity(s, customFields);
            unique(byName, s.entity(), e, "entity");
            unique(lists, s.listStep(), e, "step");
            for (QueryList list : s.namedLists()) {
                unique(lists, list.step(), e, "step");
                narrowed.put(list.step(), list);
            }
            s.getStep().ifPresent(step -> unique(gets, step, e, "step"));
        }
        for (QueryExtraDataSource extra : addedExtraData) {
            QueryEntity to = byName.get(extra.entity());
            if (to == null) throw new IllegalStateException("extraData " + extra.name() + " is for an unknown entity " + extra.entity());
            to.add(extra);
        }
        for (QuerySource s : sources) {
            for (QueryLink link : s.linksIn()) {
                QueryEntity from = byName.get(link.from());
                if (from == null) throw new IllegalStateException(link.step() + " starts from an unknown entity " + link.from());
                var byFrom = navigations.computeIfAbsent(link.step(), k -> new LinkedHashMap<>());
                if (byFrom.put(link.from(), new Navigation(link.step(), from, byName.get(s.entity()), link)) != null) {
                    throw new IllegalStateException("Two navigations " + link.step() + " from " + link.from());
                }
            }
        }
        for (String step : navigations.keySet()) {
            if (lists.containsKey(step) || gets.containsKey(step) || MODIFIER_STEPS.contains(step)) {
                throw new IllegalStateException("The navigation " + step + " has the name of another step");
            }
        }
    }

    private static void unique(Map<String, QueryEntity> into, String name, QueryEntity e, String what) {
        if (into.put(name, e) != null) throw new IllegalStateException("Two query sources register the " + what + " " + name);
    }

    public Map<String, QueryEntity> listSteps() {
        return Collections.unmodifiableMap(lists);
    }

    public Map<String, QueryEntity> getSteps() {
        return Collections.unmodifiableMap(gets);
    }

    /** Every navigation, each step from each entity it starts from. */
    public List<Navigation> navigations() {
        return navigations.values().stream().flatMap(m -> m.values().stream()).toList();
    }

    /** The entity an initial step starts with; an unknown step is a 400 naming the known ones. */
    public QueryEntity initial(String step, boolean get) {
        QueryEntity e = get ? gets.get(step) : lists.get(step);
        if (e != null) return e;
        throw new InvalidQuery("Unsupported initial query step '" + step + "'; use one of "
                + String.join(", ", lists.keySet()) + ", " + String.join(", ", gets.keySet()));
    }

    /** The condition on the caller of a narrowed list step such as {@code myTasks}; empty for an entity's own list step. */
    public Optional<QueryList> narrowedList(String step) {
        return Optional.ofNullable(narrowed.get(step));
    }

    /** Whether {@code step} starts a query, and whether it is a get step. */
    public boolean isListStep(String step) {
        return lists.containsKey(step);
    }

    public boolean isGetStep(String step) {
        return gets.containsKey(step);
    }

    /** The navigation {@code step} from {@code from}; a 400 when there is no such step or not from there. */
    public Navigation navigation(QueryEntity from, String step) {
        Map<String, Navigation> byFrom = navigations.get(step);
        if (byFrom == null) throw new InvalidQuery("Unsupported query step '" + step + "'");
        Navigation n = byFrom.get(from.source().entity());
        if (n == null) {
            throw new InvalidQuery("Cannot go from " + from.label() + " to " + byFrom.values().iterator().next().to().label());
        }
        return n;
    }

    /** Step names sorted, for messages and tests. */
    public List<String> navigationSteps() {
        return List.copyOf(new TreeSet<>(navigations.keySet()));
    }
}
