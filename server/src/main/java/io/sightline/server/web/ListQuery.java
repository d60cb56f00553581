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

    ListQuery eq(String field, Integer value) {
        if (value != null) conditions.addObject().putObject("_eq").put("_field", field).put("_value", value);
        return this;
    }

    @SuppressWarnings("unchecked") // the case and alert views are maps
    Page run(QueryService queries, TheHiveQueryReader reader, Principal p, int page) {
        int current = Math.max(1, page);
        steps.addObject().put("_name", "sort").putArray("_fields").addObject().put("_createdAt", "desc");
        long from = (long) (current - 1) * PAGE_SIZE;
        ObjectNode paging = steps.addObject().put("_name", "page").put("from", from).put("to", from + PAGE_SIZE);
        paging.putArray("extraData").add("total");
        QueryService.Rows rows = (QueryService.Rows) queries.run(p, reader.read(body));
        long total = rows.total() == null ? 0 : rows.total();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        return new Page((List<Map<String, Object>>) queries.rows(rows.plan(), 0, PAGE_SIZE), total, current, pages);
    }
}
