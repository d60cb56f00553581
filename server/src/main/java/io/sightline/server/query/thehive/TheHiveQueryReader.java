package io.sightline.server.query.thehive;

import io.sightline.server.core.InvalidQuery;
import io.sightline.server.query.QueryEntity;
import io.sightline.server.query.QueryRegistry;
import io.sightline.server.query.model.Initial;
import io.sightline.server.query.model.Query;
import io.sightline.server.query.model.SortField;
import io.sightline.server.query.model.Step;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads TheHive's {@code {"query": [steps...]}} into a typed {@link Query}. It follows the entity
 * each step leads to (through the {@link QueryRegistry}), so field names and values are checked
 * where they appear and every mistake is a 400 saying which.
 */
@Component
public class TheHiveQueryReader {
    /** The widest page one step may ask for. */
    static final long MAX_PAGE = 10_000;

    private final QueryRegistry registry;

    public TheHiveQueryReader(QueryRegistry registry) {
        this.registry = registry;
    }

    public Query read(JsonNode body) {
        if (body == null || !body.isObject() || body.get("query") == null || !body.get("query").isArray()) {
            throw new InvalidQuery("The body must be {\"query\": [steps...]}");
        }
        JsonNode steps = body.get("query");
        if (steps.isEmpty()) throw new InvalidQuery("The query has no step");
        Initial initial = null;
        QueryEntity entity = null;
        List<Step> rest = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            if (!step.isObject() || step.get("_name") == null) throw new InvalidQuery("Step " + (i + 1) + " has no _name");
            String name = QueryValues.text(step.get("_name"), "_name of step " + (i + 1));
            if (i == 0) {
                boolean get = registry.isGetStep(name);
                entity = registry.initial(name, get);
                initial = get ? getOne(entity, name, step) : new Initial.ListAll(name);
                continue;
            }
            switch (name) {
                case "filter" -> rest.add(new Step.FilterStep(new FilterReader(entity).read(step)));
                case "sort" -> rest.add(new Step.SortStep(sort(entity, step)));
                case "page" -> rest.add(page(step));
                case "count" -> {
                    if (i != steps.size() - 1) throw new InvalidQuery("count must be the last step");
                    rest.add(new Step.CountStep());
                }
                default -> {
                    entity = registry.navigation(entity, name).to();
                    rest.add(new Step.NavigateStep(name));
                }
            }
        }
        return new Query(initial, rest, excludeFields(body.get("excludeFields")));
    }

    /** thehive4py sends {@code "excludeFields": [...]} beside the steps: view fields to leave out. */
    private static List<String> excludeFields(JsonNode fields) {
        if (fields == null || fields.isNull()) return List.of();
        if (!fields.isArray()) throw new InvalidQuery("excludeFields must be an array of field names, not " + QueryValues.kind(fields));
        List<String> names = new ArrayList<>();
        for (JsonNode f : fields) names.add(QueryValues.text(f, "An excludeFields entry"));
        return names;
    }

    private static Initial getOne(QueryEntity entity, String name, JsonNode step) {
        JsonNode idNode = step.get("idOrName");
        if (idNode == null) throw new InvalidQuery(entity.label() + " lookup needs idOrName");
        return new Initial.GetOne(name, QueryValues.text(idNode, "idOrName"));
    }

    private static List<SortField> sort(QueryEntity entity, JsonNode step) {
        JsonNode fields = step.get("_fields");
        if (fields == null || !fields.isArray()) throw new InvalidQuery("sort needs _fields: [{\"field\": \"asc\"|\"desc\"}]");
        List<SortField> sorts = new ArrayList<>();
        for (JsonNode f : fields) {
            if (!f.isObject()) throw new InvalidQuery("Each sort field must be an object {\"field\": \"asc\"|\"desc\"}, not " + QueryValues.kind(f));
            for (String name : f.propertyNames()) {
                if (!entity.field(name).sortable()) throw new InvalidQuery("Cannot sort by " + name);
                String dir = QueryValues.text(f.get(name), "Sort direction of " + name);
                if (!dir.equalsIgnoreCase("asc") && !dir.equalsIgnoreCase("desc")) {
                    throw new InvalidQuery("Sort direction of " + name + " must be asc or desc");
                }
                sorts.add(new SortField(name, dir.equalsIgnoreCase("asc") ? SortField.Direction.ASC : SortField.Direction.DESC));
            }
        }
        return sorts;
    }

    private static Step.PageStep page(JsonNode step) {
        JsonNode from = step.get("from");
        JsonNode to = step.get("to");
        if (from == null || to == null) throw new InvalidQuery("page needs numeric from and to");
        long f = QueryValues.number(from, "from of page");
        long t = QueryValues.number(to, "to of page");
        if (f < 0 || t < f) throw new InvalidQuery("page needs 0 <= from <= to");
        if (t - f > MAX_PAGE) throw new InvalidQuery("A page holds at most 10000 items");
        List<String> extra = new ArrayList<>();
        JsonNode extraData = step.get("extraData");
        if (extraData != null && extraData.isArray()) {
            for (JsonNode e : extraData) extra.add(QueryValues.text(e, "An extraData entry"));
        }
        return new Step.PageStep(f, t, extra);
    }
}
