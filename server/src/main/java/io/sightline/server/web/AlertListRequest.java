package io.sightline.server.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the alert list was asked for: the shared filters, which statuses (by default those still to
 * triage), the sort column and direction, the page and its size. Unknown values fall back to the
 * defaults, each with a message shown at its field, so a stale link never breaks the page.
 */
record AlertListRequest(String q, String status, Integer severity, String tlp, String tag, String source,
                        String sort, boolean descending, int size, int page, Map<String, String> errors) {
    /** The hub's alert statuses still asking for an analyst (TheHive 5's New and InProgress). */
    static final List<String> TO_TRIAGE = List.of("New", "Updated");
    static final String ALL = "all";
    static final List<Integer> SIZES = List.of(20, 50, 100);
    /** Sortable columns: the parameter value, the query field, its label, and whether it starts descending. */
    static final List<Column> COLUMNS = List.of(
            new Column("title", "title", "Title", false), new Column("source", "source", "Source", false),
            new Column("severity", "severity", "Severity", true), new Column("tlp", "tlp", "TLP", true),
            new Column("status", "status", "Status", false), new Column("date", "date", "Date", true));
    private static final Column DEFAULT = COLUMNS.get(COLUMNS.size() - 1);

    record Column(String param, String field, String label, boolean startsDescending) {}

    static AlertListRequest of(String q, String status, Integer severity, String tlp, String tag, String source,
                               String sort, String dir, Integer size, int page) {
        Map<String, String> errors = new LinkedHashMap<>();
        String shownStatus = Forms.blank(status) ? "" : status.trim();
        if (!shownStatus.isEmpty() && !shownStatus.equals(ALL) && !AlertUiController.STATUSES.contains(shownStatus)) {
            errors.put("status", "Unknown status '" + shownStatus + "'; showing the alerts to triage");
            shownStatus = "";
        }
        Column column = DEFAULT;
        if (!Forms.blank(sort)) {
            column = COLUMNS.stream().filter(c -> c.param().equals(sort.trim())).findFirst().orElse(null);
            if (column == null) {
                errors.put("sort", "Alerts cannot be sorted by '" + sort.trim() + "'; sorted by date");
                column = DEFAULT;
            }
        }
        boolean descending = Forms.blank(dir) ? column.startsDescending() : !"asc".equals(dir.trim());
        int shownSize = SIZES.get(0);
        if (size != null) {
            if (SIZES.contains(size)) shownSize = size;
            else errors.put("size", "Page size must be one of 20, 50, 100, not " + size);
        }
        return new AlertListRequest(q, shownStatus, severity, tlp, tag, source, column.param(), descending, shownSize,
                Math.max(1, page), errors);
    }

    /** The query of this list: the filters, the statuses, the sort. */
    ListQuery query() {
        ListQuery query = new ListFilters(q, null, severity, tlp, tag, "source", source).query("listAlert");
        if (status.isEmpty()) query.in("status", TO_TRIAGE);
        else if (!status.equals(ALL)) query.eq("status", status);
        return query.sort(column().field(), descending);
    }

    Column column() {
        return COLUMNS.stream().filter(c -> c.param().equals(sort)).findFirst().orElse(DEFAULT);
    }

    /** The filters as the form shows them back; also what every link of the page keeps. */
    Map<String, Object> shown() {
        Map<String, Object> f = new ListFilters(q, status, severity, tlp, tag, "source", source).shown();
        f.put("sort", sort);
        f.put("dir", descending ? "desc" : "asc");
        f.put("size", String.valueOf(size));
        return f;
    }

    /** "/alerts?…&" keeping the filters, sort and size, ready for "page=". */
    String pageBase() {
        return Forms.pageBase("/alerts", shown());
    }

    /** One heading per sortable column, linking to the first page sorted by it. */
    List<SortHeading> headings() {
        return COLUMNS.stream().map(c -> {
            boolean current = c.param().equals(sort);
            boolean nextDescending = current ? !descending : c.startsDescending();
            Map<String, Object> params = shown();
            params.put("sort", c.param());
            params.put("dir", nextDescending ? "desc" : "asc");
            String href = Forms.pageBase("/alerts", params);
            return SortHeading.of(c.label(), href.substring(0, href.length() - 1), current, descending);
        }).toList();
    }

    Map<String, SortHeading> headingsByColumn() {
        Map<String, SortHeading> out = new LinkedHashMap<>();
        List<SortHeading> all = headings();
        for (int i = 0; i < COLUMNS.size(); i++) out.put(COLUMNS.get(i).param(), all.get(i));
        return out;
    }
}
