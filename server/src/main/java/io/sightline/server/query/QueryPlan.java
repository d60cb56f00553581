package io.sightline.server.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A query being built step by step: the entity listed, its conditions, sort and page. Navigating
 * to related entities (a case's observables) turns the current plan into a sub-select.
 */
final class QueryPlan {
    final QueryEntity entity;
    final List<String> conditions = new ArrayList<>();
    final List<Object> params = new ArrayList<>();
    final List<String> order = new ArrayList<>();
    Long from;
    Long to;
    boolean total;

    QueryPlan(QueryEntity entity, long orgId) {
        this.entity = entity;
        conditions.add("t.org_id = ?");
        params.add(orgId);
    }

    /** SELECT of the ids of this plan, used inside the next level's condition. */
    String idSelect(List<Object> into) {
        into.addAll(params);
        return "SELECT t.id FROM " + entity.table + " t WHERE " + String.join(" AND ", conditions) + orderAndPage();
    }

    String select(String columns, List<Object> into) {
        into.addAll(params);
        return "SELECT " + columns + " FROM " + entity.table + " t WHERE " + String.join(" AND ", conditions);
    }

    String orderBy() {
        List<String> all = new ArrayList<>(order);
        all.add("t.id DESC");
        return " ORDER BY " + String.join(", ", all);
    }

    String orderAndPage() {
        if (from == null && order.isEmpty()) return "";
        return orderBy() + page(from, to);
    }

    static String page(Long from, Long to) {
        if (from == null) return "";
        long limit = Math.max(0, to - from);
        return " LIMIT " + limit + " OFFSET " + from;
    }
}
