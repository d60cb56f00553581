package io.sightline.server.observables;

import java.util.List;

/**
 * A page of a case's or an alert's observables and what the table's header shows: how many match
 * the filters, and how many of each type (and of them IOCs) the whole case or alert holds.
 */
public record ObservablePage(List<ObservableRecord> records, long total, int page, int pages, List<TypeCount> types) {
    /** How many observables of one type the case or alert holds, and how many of them are IOCs. */
    public record TypeCount(String dataType, int count, int iocs) {}

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }

    /** Every observable of the case or alert, whatever the filters. */
    public int all() {
        return types.stream().mapToInt(TypeCount::count).sum();
    }

    public int iocs() {
        return types.stream().mapToInt(TypeCount::iocs).sum();
    }
}
