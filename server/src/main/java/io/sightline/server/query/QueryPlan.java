package io.sightline.server.query;

import io.sightline.server.auth.Principal;
import io.sightline.server.core.InvalidQuery;
import java.util.ArrayList;
import java.util.List;

/**
 * A query being built step by step: the entity listed, its conditions, sort and page. Navigating
 * to related entities (a case's observables) turns the current plan into a sub-select.
 */
final class QueryPlan {
    final QueryEntity entity;
    /** Whose query it is: extra data names only what this caller sees. */
    final Principal caller;
    final List<String> conditions = new ArrayList<>();
    final List<Object> params = new ArrayList<>();
    final List<String> order = new ArrayList<>();
    /** The values the sort keys bind (a custom field's id), in the order of {@link #order}. */
    final List<Object> orderParams = new ArrayList<>();
    /**
     * Values one statement may bind. PostgreSQL's wire protocol counts parameters in 16 bits
     * (65,535); the margin leaves room for the few the hub adds around a client's filters.
     */
    static final int MAX_PARAMETERS = 60_000;

    Long from;
    Long to;
    boolean total;
    /** The extra data the last page step asked for, besides the total. */
    List<String> extraData = List.of();
    List<String> excludeFields = List.of();

    QueryPlan(QueryEntity entity, Principal caller) {
        this.entity = entity;
        this.caller = caller;
        add(entity.source().scope(caller));
    }

    void add(SqlCondition condition) {
        conditions.add(condition.sql());
        params.addAll(condition.params());
    }

    /** A query that would bind more values than one statement can carry is refused up front. */
    void requireBindableSize() {
        if (params.size() + orderParams.size() > MAX_PARAMETERS) {
            throw new InvalidQuery("The query compares with " + (params.size() + orderParams.size()) + " values; at most "
                    + MAX_PARAMETERS + " are accepted in one query (split the _in lists over several queries)");
        }
    }

    /** SELECT of the ids of this plan, used inside the next level's condition. */
    String idSelect(List<Object> into) {
        into.addAll(params);
        return "SELECT t.id FROM " + entity.source().table() + " t WHERE " + String.join(" AND ", conditions) + orderAndPage(into);
    }

    String select(String columns, List<Object> into) {
        into.addAll(params);
        return "SELECT " + columns + " FROM " + entity.source().table() + " t WHERE " + String.join(" AND ", conditions);
    }

    /** The ORDER BY clause; its values are added to {@code into}, after the conditions' ones. */
    String orderBy(List<Object> into) {
        into.addAll(orderParams);
        List<String> all = new ArrayList<>(order);
        all.add("t.id DESC");
        return " ORDER BY " + String.join(", ", all);
    }

    String orderAndPage(List<Object> into) {
        if (from == null && order.isEmpty()) return "";
        return orderBy(into) + page(from, to);
    }

    static String page(Long from, Long to) {
        if (from == null) return "";
        long limit = Math.max(0, to - from);
        return " LIMIT " + limit + " OFFSET " + from;
    }
}
