package io.sightline.server.common;

import java.util.List;

/**
 * The first rows of a longer list and how many rows the whole list has, read in one query (a
 * home page widget shows a few and links to the full list).
 */
public record FirstRows<T>(List<T> rows, long total) {
    public FirstRows {
        rows = List.copyOf(rows);
    }

    public boolean hasMore() {
        return total > rows.size();
    }
}
