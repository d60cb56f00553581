package io.sightline.server.query;

import io.sightline.server.alerts.AlertRecord;
import io.sightline.server.alerts.AlertRepository;
import io.sightline.server.alerts.AlertView;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.cases.CaseRepository;
import io.sightline.server.cases.CaseView;
import io.sightline.server.core.NotFound;
import io.sightline.server.observables.ObservableRecord;
import io.sightline.server.observables.ObservableRepository;
import io.sightline.server.observables.ObservableView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** Runs TheHive's {@code /api/v1/query} step lists against the caller's organisation. */
@Service
public class QueryService {
    /** What a query answers: a count, or a plan whose rows are read page by page. */
    public sealed interface Result permits Count, Rows {}
    public record Count(long value) implements Result {}
    public record Rows(Object plan, Long total) implements Result {}

    static final int CHUNK = 1000;

    /**
     * The registry of steps, by role. The query tests read it, so a step added here is covered by
     * them (streamed lists, ill-typed arguments) without editing them.
     */
    static final Map<String, QueryEntity> LIST_STEPS = Map.of(
            "listCase", QueryEntity.CASE, "listAlert", QueryEntity.ALERT, "listObservable", QueryEntity.OBSERVABLE);
    static final Map<String, QueryEntity> GET_STEPS = Map.of(
            "getCase", QueryEntity.CASE, "getAlert", QueryEntity.ALERT, "getObservable", QueryEntity.OBSERVABLE);
    static final Map<String, QueryEntity> NAVIGATION_STEPS = Map.of(
            "observables", QueryEntity.OBSERVABLE, "alerts", QueryEntity.ALERT, "case", QueryEntity.CASE);
    static final List<String> MODIFIER_STEPS = List.of("filter", "sort", "page", "count");

    private final JdbcClient jdbc;
    private final CaseRepository cases;
    private final AlertRepository alerts;
    private final ObservableRepository observables;

    public QueryService(JdbcClient jdbc, CaseRepository cases, AlertRepository alerts, ObservableRepository observables) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.alerts = alerts;
        this.observables = observables;
    }

    public Result run(Principal p, JsonNode body) {
        p.require(Permission.READ);
        if (body == null || !body.isObject() || body.get("query") == null || !body.get("query").isArray()) {
            throw FilterCompiler.error("The body must be {\"query\": [steps...]}");
        }
        JsonNode steps = body.get("query");
        if (steps.isEmpty()) throw FilterCompiler.error("The query has no step");
        QueryPlan plan = null;
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            if (!step.isObject() || step.get("_name") == null) throw FilterCompiler.error("Step " + (i + 1) + " has no _name");
            String name = QueryValues.text(step.get("_name"), "_name of step " + (i + 1));
            if (i == 0) {
                plan = initial(name, step, p.orgId());
                continue;
            }
            switch (name) {
                case "filter" -> plan.conditions.add(new FilterCompiler(plan.entity, plan.params).compile(step));
                case "sort" -> sort(plan, step);
                case "page" -> page(plan, step);
                case "count" -> {
                    if (i != steps.size() - 1) throw FilterCompiler.error("count must be the last step");
                    return new Count(count(plan));
                }
                default -> {
                    QueryEntity to = NAVIGATION_STEPS.get(name);
                    if (to == null) throw FilterCompiler.error("Unsupported query step '" + name + "'");
                    plan = navigate(plan, to, p.orgId());
                }
            }
            plan.requireBindableSize();
        }
        Long total = plan.total ? countUnpaged(plan) : null;
        return new Rows(plan, total);
    }

    /** Rows of a plan, {@code offset} from its own page start, at most {@code limit}. */
    public List<Map<String, Object>> rows(Object planObject, long offset, int limit) {
        QueryPlan plan = (QueryPlan) planObject;
        long start = (plan.from == null ? 0 : plan.from) + offset;
        long end = start + limit;
        if (plan.to != null) end = Math.min(end, plan.to);
        if (end <= start) return List.of();
        List<Object> params = new ArrayList<>();
        String sql = plan.select("t.*", params) + plan.orderBy() + QueryPlan.page(start, end);
        return switch (plan.entity) {
            case CASE -> cases.withTags(jdbc.sql(sql).params(params).query(CaseRepository.ROW).list())
                    .stream().map(CaseView::of).toList();
            case ALERT -> {
                List<AlertRecord> list = alerts.withTags(jdbc.sql(sql).params(params).query(AlertRepository.ROW).list());
                Map<Long, Integer> counts = observables.countByAlert(list.stream().map(AlertRecord::id).toList());
                yield list.stream().map(a -> AlertView.of(a, counts.getOrDefault(a.id(), 0))).toList();
            }
            case OBSERVABLE -> {
                List<Long> ids = jdbc.sql(sql.replaceFirst("SELECT t\\.\\*", "SELECT t.id")).params(params).query(Long.class).list();
                Map<Long, ObservableRecord> byId = new HashMap<>();
                if (!ids.isEmpty()) {
                    observables.withTags(jdbc.sql(ObservableRepository.SELECT + " WHERE o.id IN (:ids)").param("ids", ids)
                            .query(ObservableRepository.ROW).list()).forEach(o -> byId.put(o.id(), o));
                }
                yield ids.stream().map(byId::get).map(ObservableView::of).toList();
            }
        };
    }

    private QueryPlan initial(String name, JsonNode step, long orgId) {
        if (LIST_STEPS.containsKey(name)) return new QueryPlan(LIST_STEPS.get(name), orgId);
        if (GET_STEPS.containsKey(name)) return byId(GET_STEPS.get(name), step, orgId);
        throw FilterCompiler.error("Unsupported initial query step '" + name + "'; use one of "
                + String.join(", ", new java.util.TreeSet<>(LIST_STEPS.keySet())) + ", "
                + String.join(", ", new java.util.TreeSet<>(GET_STEPS.keySet())));
    }

    /** getCase accepts "~id" or a case number; an unknown one is 404, as in TheHive. */
    private QueryPlan byId(QueryEntity entity, JsonNode step, long orgId) {
        JsonNode idNode = step.get("idOrName");
        if (idNode == null) throw FilterCompiler.error(entity.label + " lookup needs idOrName");
        String id = QueryValues.text(idNode, "idOrName");
        QueryPlan plan = new QueryPlan(entity, orgId);
        if (id.startsWith("~")) {
            plan.conditions.add("t.id = ?");
            try {
                plan.params.add(Long.parseLong(id.substring(1)));
            } catch (NumberFormatException e) {
                plan.params.add(-1L);
            }
        } else if (entity == QueryEntity.CASE && id.matches("\\d{1,18}")) {
            plan.conditions.add("t.number = ?");
            plan.params.add(Long.parseLong(id));
        } else {
            throw new NotFound(entity.label + " " + id + " not found");
        }
        if (count(plan) == 0) throw new NotFound(entity.label + " " + id + " not found");
        return plan;
    }

    private QueryPlan navigate(QueryPlan from, QueryEntity to, long orgId) {
        QueryPlan next = new QueryPlan(to, orgId);
        String link = switch (from.entity.name() + ">" + to.name()) {
            case "CASE>OBSERVABLE" -> "t.case_id";
            case "ALERT>OBSERVABLE" -> "t.alert_id";
            case "CASE>ALERT" -> "t.case_id";
            case "ALERT>CASE" -> null;
            default -> throw FilterCompiler.error("Cannot go from " + from.entity.label + " to " + to.label);
        };
        if (link == null) {
            next.conditions.add("t.id IN (SELECT s.case_id FROM alert s WHERE s.id IN (" + from.idSelect(next.params) + "))");
        } else {
            next.conditions.add(link + " IN (" + from.idSelect(next.params) + ")");
        }
        return next;
    }

    private static void sort(QueryPlan plan, JsonNode step) {
        JsonNode fields = step.get("_fields");
        if (fields == null || !fields.isArray()) throw FilterCompiler.error("sort needs _fields: [{\"field\": \"asc\"|\"desc\"}]");
        for (JsonNode f : fields) {
            if (!f.isObject()) throw FilterCompiler.error("Each sort field must be an object {\"field\": \"asc\"|\"desc\"}, not " + QueryValues.kind(f));
            for (String name : f.propertyNames()) {
                Field field = plan.entity.field(name);
                if (!field.sortable()) throw FilterCompiler.error("Cannot sort by " + name);
                String dir = QueryValues.text(f.get(name), "Sort direction of " + name);
                if (!dir.equalsIgnoreCase("asc") && !dir.equalsIgnoreCase("desc")) {
                    throw FilterCompiler.error("Sort direction of " + name + " must be asc or desc");
                }
                plan.order.add("t." + field.column() + " " + dir.toUpperCase());
            }
        }
    }

    private static void page(QueryPlan plan, JsonNode step) {
        JsonNode from = step.get("from");
        JsonNode to = step.get("to");
        if (from == null || to == null) throw FilterCompiler.error("page needs numeric from and to");
        long f = QueryValues.number(from, "from of page");
        long t = QueryValues.number(to, "to of page");
        if (f < 0 || t < f) throw FilterCompiler.error("page needs 0 <= from <= to");
        if (t - f > 10_000) throw FilterCompiler.error("A page holds at most 10000 items");
        plan.from = f;
        plan.to = t;
        JsonNode extra = step.get("extraData");
        if (extra != null && extra.isArray()) {
            for (JsonNode e : extra) if ("total".equals(QueryValues.text(e, "An extraData entry"))) plan.total = true;
        }
    }

    private long count(QueryPlan plan) {
        List<Object> params = new ArrayList<>();
        String inner = plan.from == null ? plan.select("t.id", params) : plan.select("t.id", params) + plan.orderAndPage();
        return jdbc.sql("SELECT COUNT(*) FROM (" + inner + ") c").params(params).query(Long.class).single();
    }

    private long countUnpaged(QueryPlan plan) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql("SELECT COUNT(*) FROM (" + plan.select("t.id", params) + ") c").params(params).query(Long.class).single();
    }
}
