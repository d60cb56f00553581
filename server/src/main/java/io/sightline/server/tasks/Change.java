package io.sightline.server.tasks;

/**
 * One field of a partial update: absent (left as it is) or present with a value, which may be
 * null for a field that can be cleared. Keeps PATCH's "not sent" distinct from "sent as null".
 */
public record Change<T>(boolean present, T value) {
    private static final Change<?> ABSENT = new Change<>(false, null);

    @SuppressWarnings("unchecked")
    public static <T> Change<T> absent() {
        return (Change<T>) ABSENT;
    }

    public static <T> Change<T> to(T value) {
        return new Change<>(true, value);
    }

    public T or(T current) {
        return present ? value : current;
    }
}
