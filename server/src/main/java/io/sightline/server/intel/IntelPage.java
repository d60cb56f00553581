package io.sightline.server.intel;

import java.util.List;

/** One page of a list read from the intel store (pages count from 1); {@code hasNext} when more follow. */
public record IntelPage<T>(List<T> items, int page, boolean hasNext) {
    public IntelPage {
        items = List.copyOf(items);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    /** The first {@code size} rows of {@code size + 1} read: the extra one only tells that a next page exists. */
    static <T> IntelPage<T> of(List<T> rows, int page, int size) {
        return new IntelPage<>(rows.size() > size ? rows.subList(0, size) : rows, page, rows.size() > size);
    }
}
