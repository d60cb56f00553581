package io.sightline.server.core;

import java.util.List;

/**
 * One page of a longer list: its items, how many there are in all, and which page of what size
 * this is ({@code page} counts from 1). A page past the end is read as the last page.
 */
public record Slice<T>(List<T> items, long total, int page, int size) {
    public Slice {
        items = List.copyOf(items);
        if (size < 1) throw new IllegalArgumentException("page size " + size);
    }

    /** The page asked for, moved into 1..pages for a list of {@code total} items. */
    public static int clamp(int page, long total, int size) {
        long pages = Math.max(1, (total + size - 1) / size);
        return (int) Math.max(1, Math.min(page, pages));
    }

    /** The offset of the first item of a page (counted from 1). */
    public static long offset(int page, int size) {
        return (long) (page - 1) * size;
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }
}
