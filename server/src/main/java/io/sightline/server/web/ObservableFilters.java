package io.sightline.server.web;

import io.sightline.server.core.Invalid;
import io.sightline.server.observables.ObservableListQuery;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The filters, sort and page of an observables table as its links and forms carry them
 * ({@code type, ioc=yes|no, q, sort, dir=desc, page}); each {@code with…} gives the query string
 * of a link that changes one of them, the others kept.
 */
public record ObservableFilters(String type, String ioc, String q, String sort, boolean desc, int page) {
    static final int PAGE_SIZE = 25;

    public ObservableFilters {
        type = blankToEmpty(type);
        ioc = blankToEmpty(ioc);
        q = blankToEmpty(q);
        sort = ObservableListQuery.Sort.named(sort).key();
        if (!ioc.isEmpty() && !ioc.equals("yes") && !ioc.equals("no")) throw new Invalid("Field ioc must be yes or no, not " + ioc);
        if (page < 1) page = 1;
    }

    /** From a request's parameters; a page that is not a number is refused. */
    static ObservableFilters from(Map<String, String> params) {
        String page = params.get("page");
        int n;
        try {
            n = page == null || page.isBlank() ? 1 : Integer.parseInt(page.trim());
        } catch (NumberFormatException e) {
            throw new Invalid("Field page must be a number, not " + page);
        }
        return new ObservableFilters(params.get("type"), params.get("ioc"), params.get("q"), params.get("sort"),
                "desc".equals(params.get("dir")), n);
    }

    ObservableListQuery query() {
        return new ObservableListQuery(type.isEmpty() ? null : type, ioc.isEmpty() ? null : ioc.equals("yes"),
                q.isEmpty() ? null : q, ObservableListQuery.Sort.named(sort), desc, page, PAGE_SIZE);
    }

    public String withPage(int newPage) {
        return new ObservableFilters(type, ioc, q, sort, desc, newPage).queryString();
    }

    /** Sorted by this column: ascending, or descending when it is already sorted ascending by it. */
    public String withSort(String column) {
        return new ObservableFilters(type, ioc, q, column, column.equals(sort) && !desc, 1).queryString();
    }

    public String withType(String newType) {
        return new ObservableFilters(newType, ioc, q, sort, desc, 1).queryString();
    }

    public String withIoc(String newIoc) {
        return new ObservableFilters(type, newIoc, q, sort, desc, 1).queryString();
    }

    /** "▲" or "▼" beside the column the table is sorted by, else nothing. */
    public String arrow(String column) {
        return column.equals(sort) ? (desc ? "▼" : "▲") : "";
    }

    public String queryString() {
        return Forms.pageBase("", params()).substring(1).replaceAll("&$", "");
    }

    /** The non-empty parameters, for hidden fields that keep them across a form post. */
    public Map<String, Object> params() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", type);
        out.put("ioc", ioc);
        out.put("q", q);
        if (!sort.equals(ObservableListQuery.Sort.ADDED.key())) out.put("sort", sort);
        if (desc) out.put("dir", "desc");
        if (page > 1) out.put("page", page);
        out.values().removeIf(v -> String.valueOf(v).isEmpty());
        return out;
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.trim();
    }
}
