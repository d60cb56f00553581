package io.sightline.server.web;

import io.sightline.server.auth.Principal;
import io.sightline.server.query.QueryService;
import io.sightline.server.query.thehive.TheHiveQueryReader;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A filtered, paged list of cases or alerts, expressed in TheHive's query language and run by the
 * same {@link QueryService} as {@code /api/v1/query}: the UI's filters behave exactly like the API's.
 */
final class ListQuery {
    static final int PAGE_SIZE = 20;

    /** One page of results; {@code page} counts from 1. */
    record Page(List<Map<String, Object>> rows, long total, int page, int pages) {
        public boolean hasPrevious() { return page > 1; }
        public boolean hasNext() { return page < pages; }
    }

    private final ObjectNode body = Forms.object();
    private final ArrayNode steps = body.putArray("query");
    private final ArrayNode conditions;
    private String sortField = "_createdAt";
    private boolean sortDescending = true;
    private boolean paged;

    ListQuery(String listStep) {
        steps.addObject().put("_name", listStep);
        ObjectNode filter = steps.addObject();
        filter.put("_name", "filter");
        conditions = filter.putArray("_and");
    }

    ListQuery like(String field, String text) {
        if (!Forms.blank(text)) {
            conditions.addObject().putObject("_like").put("_field", field).put("_value", text.trim());
        }
        return this;
    }

    ListQuery eq(String field, String value) {
        if (!Forms.blank(value)) conditions.addObject().putObject("_eq").put("_field", field).put("_value", value.trim());
        return this;
    }

    /** The field equals one of the values (no condition for an empty list). */
    ListQuery in(String field, List<String> values) {
        if (values.isEmpty()) return this;
        ObjectNode in = conditions.addObject().putObject("_in").put("_field", field);
        values.forEach(in.putArray("_values")::add);
        return this;
    }

    /** The text is a case number ("12" or "#12") or a part of the title. */
    ListQuery numberOrTitle(String text) {
        if (Forms.blank(text)) return this;
        String t = text.trim();
        String digits = t.startsWith("#") ? t.substring(1) : t;
        if (!digits.matches("\\d{1,18}")) return like("title", t);
        ArrayNode either = conditions.addObject().putArray("_or");
        either.addObject().putObject("_eq").put("_field", "number").put("_value", Long.parseLong(digits));
        either.addObject().putObject("_like").put("_field", "title").put("_value", t);
        return this;
    }

    /** Sorts by one field (the default is newest created first); ties keep the newest record first. */
    ListQuery sort(String field, boolean descending) {
        sortField = field;
        sortDescending = descending;
        return this;
    }

    ListQuery eq(String field, Integer value) {
        if (value != null) conditions.addObject().putObject("_eq").put("_field", field).put("_value", value);
        return this;
    }

    Page run(QueryService queries, TheHiveQueryReader reader, Principal p, int page) {
        return run(queries, reader, p, page, PAGE_SIZE);
    }

    /** One page, newest first by {@code field}. */
    Page run(QueryService queries, TheHiveQueryReader reader, Principal p, int page, String field) {
        return sort(field, true).run(queries, reader, p, page, PAGE_SIZE);
    }

    /**
     * One page of {@code size} rows; a page past the end shows the last page (a link kept from a
     * longer list, a typed URL), so the pager never reads "Page 99 of 13".
     */
    @SuppressWarnings("unchecked") // the case and alert views are maps
    Page run(QueryService queries, TheHiveQueryReader reader, Principal p, int page, int size) {
        steps.addObject().put("_name", "sort").putArray("_fields").addObject().put(sortField, sortDescending ? "desc" : "asc");
        int current = Math.max(1, page);
        QueryService.Rows rows = fetch(queries, reader, p, current, size);
        long total = rows.total() == null ? 0 : rows.total();
        int pages = (int) Math.max(1, (total + size - 1) / size);
        if (current > pages) {
            current = pages;
            rows = fetch(queries, reader, p, current, size);
        }
        return new Page((List<Map<String, Object>>) queries.rows(rows.plan(), 0, size), total, current, pages);
    }

    /** Runs the query for one page: the page step is the last one, replaced on each call. */
    private QueryService.Rows fetch(QueryService queries, TheHiveQueryReader reader, Principal p, int page, int size) {
        if (paged) steps.remove(steps.size() - 1);
        paged = true;
        long from = (long) (page - 1) * size;
        ObjectNode paging = steps.addObject().put("_name", "page").put("from", from).put("to", from + size);
        paging.putArray("extraData").add("total");
        return (QueryService.Rows) queries.run(p, reader.read(body));
    }
}
