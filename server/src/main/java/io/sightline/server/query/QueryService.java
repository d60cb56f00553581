package io.sightline.server.query;

import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.core.InvalidQuery;
import io.sightline.server.core.NotFound;
import io.sightline.server.query.model.Initial;
import io.sightline.server.query.model.Query;
import io.sightline.server.query.model.SortField;
import io.sightline.server.query.model.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Runs a typed {@link Query} against the caller's organisation over the entities of the {@link
 * QueryRegistry}; it knows none of them, each {@link QuerySource} says its table, fields, scope,
 * views and links.
 */
@Service
public class QueryService {
    /** What a query answers: a count, or a plan whose rows are read page by page. */
    public sealed interface Result permits Count, Rows {}
    public record Count(long value) implements Result {}
    public record Rows(Object plan, Long total) implements Result {}

    /** Rows read and rendered at a time when a list is streamed. */
    public static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final QueryRegistry registry;

    public QueryService(DataSource dataSource, QueryRegistry registry) {
        this.jdbc = JdbcClient.create(new PerValuePlanningJdbc(dataSource));
        this.registry = registry;
    }

    public Result run(Principal p, Query query) {
        p.require(Permission.READ);
        QueryPlan plan = initial(query.initial(), p);
        for (Step step : query.steps()) {
            if (step instanceof Step.CountStep) return new Count(count(plan));
            if (step instanceof Step.FilterStep f) {
                plan.conditions.add(new FilterSql(plan.entity, plan.params).compile(f.filter()));
            } else if (step instanceof Step.SortStep s) {
                sort(plan, s.fields());
            } else if (step instanceof Step.PageStep page) {
                plan.from = page.from();
                plan.to = page.to();
                plan.total = plan.total || page.extraData().contains("total");
                plan.extraData = page.extraData().stream().filter(name -> !name.equals("total")).toList();
            } else {
                plan = navigate(plan, registry.navigation(plan.entity, ((Step.NavigateStep) step).name()), p);
            }
            plan.requireBindableSize();
        }
        plan.excludeFields = query.excludeFields();
        Long total = plan.total ? countUnpaged(plan) : null;
        return new Rows(plan, total);
    }

    /** Views of a plan's rows, {@code offset} from its own page start, at most {@code limit}. */
    public List<?> rows(Object planObject, long offset, int limit) {
        QueryPlan plan = (QueryPlan) planObject;
        long start = (plan.from == null ? 0 : plan.from) + offset;
        long end = start + limit;
        if (plan.to != null) end = Math.min(end, plan.to);
        if (end <= start) return List.of();
        List<Object> params = new ArrayList<>();
        String sql = plan.select("t.id", params) + plan.orderBy(params) + QueryPlan.page(start, end);
        List<Long> ids = jdbc.sql(sql).params(params).query(Long.class).list();
        if (ids.isEmpty()) return List.of();
        List<?> views = plan.entity.source().views(ids);
        Map<String, Map<Long, ?>> extra = new LinkedHashMap<>();
        plan.extraData.forEach(name -> {
            QueryExtraData data = plan.entity.extraData(name);
            if (data != null) extra.put(name, data.of(plan.caller, ids));
        });
        if (extra.isEmpty() && plan.excludeFields.isEmpty()) return views;
        List<Object> out = new ArrayList<>(views.size());
        for (Object view : views) out.add(amend(view, extra, plan.excludeFields));
        return out;
    }

    /** A view with the extra data asked for added under {@code extraData} and the excluded fields left out. */
    private static Object amend(Object view, Map<String, Map<Long, ?>> extra, List<String> exclude) {
        if (!(view instanceof Map<?, ?> map)) return view;
        Map<Object, Object> out = new LinkedHashMap<>(map);
        Long id = idOf(map.get("_id"));
        if (!extra.isEmpty() && id != null) {
            Map<Object, Object> data = out.get("extraData") instanceof Map<?, ?> m ? new LinkedHashMap<>(m) : new LinkedHashMap<>();
            extra.forEach((name, values) -> {
                if (values.containsKey(id)) data.put(name, values.get(id));
            });
            out.put("extraData", data);
        }
        exclude.forEach(out::remove);
        return out;
    }

    /** The record id of a view's {@code _id} ({@code "~42"}). */
    private static Long idOf(Object viewId) {
        if (viewId == null) return null;
        try {
            return Long.parseLong(viewId.toString().replaceFirst("^~", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private QueryPlan initial(Initial initial, Principal p) {
        if (initial instanceof Initial.GetOne get) return byId(registry.initial(get.step(), true), get.idOrName(), p);
        String step = ((Initial.ListAll) initial).step();
        QueryPlan plan = new QueryPlan(registry.initial(step, false), p);
        registry.narrowedList(step).ifPresent(list -> plan.add(list.condition().apply(p)));
        return plan;
    }

    /** An id (or name) that names nothing visible is a 404, as in TheHive. */
    private QueryPlan byId(QueryEntity entity, String idOrName, Principal p) {
        QueryPlan plan = new QueryPlan(entity, p);
        plan.add(entity.source().byIdOrName(idOrName).orElseThrow(() -> notFound(entity, idOrName)));
        if (count(plan) == 0) throw notFound(entity, idOrName);
        return plan;
    }

    private static NotFound notFound(QueryEntity entity, String idOrName) {
        return new NotFound(entity.label() + " " + idOrName + " not found");
    }

    private static QueryPlan navigate(QueryPlan from, QueryRegistry.Navigation navigation, Principal p) {
        QueryPlan next = new QueryPlan(navigation.to(), p);
        String[] around = navigation.link().condition().split(java.util.regex.Pattern.quote(QueryLink.PARENTS), -1);
        next.conditions.add(around[0] + from.idSelect(next.params) + around[1]);
        return next;
    }

    private static void sort(QueryPlan plan, List<SortField> fields) {
        for (SortField s : fields) {
            QueryField field = plan.entity.field(s.field());
            if (!field.sortable()) throw new InvalidQuery("Cannot sort by " + s.field());
            if (field.customField() != null) {
                plan.order.add(field.customField().orderBy(s.direction(), plan.orderParams));
            } else {
                plan.order.add(field.expression() + " " + s.direction().name());
            }
        }
    }

    private long count(QueryPlan plan) {
        List<Object> params = new ArrayList<>();
        String inner = plan.from == null ? plan.select("t.id", params) : plan.select("t.id", params) + plan.orderAndPage(params);
        return jdbc.sql("SELECT COUNT(*) FROM (" + inner + ") c").params(params).query(Long.class).single();
    }

    private long countUnpaged(QueryPlan plan) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql("SELECT COUNT(*) FROM (" + plan.select("t.id", params) + ") c").params(params).query(Long.class).single();
    }
}
