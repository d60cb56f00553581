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

    ListQuery in(String field, List<String> values) {
        ArrayNode list = conditions.addObject().putObject("_in").put("_field", field).putArray("_values");
        values.forEach(list::add);
        return this;
    }

    ListQuery eq(String field, Integer value) {
        if (value != null) conditions.addObject().putObject("_eq").put("_field", field).put("_value", value);
        return this;
    }

    /** One page, newest created first. */
    Page run(QueryService queries, TheHiveQueryReader reader, Principal p, int page) {
        return run(queries, reader, p, page, "_createdAt");
    }

    /**
     * One page, newest first by {@code sortField}; a page past the end shows the last page (a link
     * kept from a longer list, a typed URL), so the pager never reads "Page 99 of 13".
     */
    @SuppressWarnings("unchecked") // the case and alert views are maps
    Page run(QueryService queries, TheHiveQueryReader reader, Principal p, int page, String sortField) {
        steps.addObject().put("_name", "sort").putArray("_fields").addObject().put(sortField, "desc");
        int current = Math.max(1, page);
        QueryService.Rows rows = fetch(queries, reader, p, current);
        long total = rows.total() == null ? 0 : rows.total();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        if (current > pages) {
            current = pages;
            rows = fetch(queries, reader, p, current);
        }
        return new Page((List<Map<String, Object>>) queries.rows(rows.plan(), 0, PAGE_SIZE), total, current, pages);
    }

    /** Runs the query for one page: the page step is the last one, replaced on each call. */
    private QueryService.Rows fetch(QueryService queries, TheHiveQueryReader reader, Principal p, int page) {
        if (paged) steps.remove(steps.size() - 1);
        paged = true;
        long from = (long) (page - 1) * PAGE_SIZE;
        ObjectNode paging = steps.addObject().put("_name", "page").put("from", from).put("to", from + PAGE_SIZE);
        paging.putArray("extraData").add("total");
        return (QueryService.Rows) queries.run(p, reader.read(body));
    }
}
