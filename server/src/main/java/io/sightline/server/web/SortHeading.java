package io.sightline.server.web;

/**
 * A sortable column heading of a list (the {@code sortHeading} fragment): its label, the link that
 * sorts by it (or flips the direction), and its {@code aria-sort} state.
 */
record SortHeading(String label, String href, String state) {
    /** The heading of a column: {@code href} is the list's link sorted by it, {@code current} whether the list is. */
    static SortHeading of(String label, String href, boolean current, boolean descending) {
        return new SortHeading(label, href, !current ? "none" : descending ? "descending" : "ascending");
    }
}
