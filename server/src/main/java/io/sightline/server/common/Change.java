package io.sightline.server.common;

import java.util.Optional;
import java.util.function.Function;

/**
 * One field of a partial update where "leave it" and "clear it" differ (TheHive's PATCH: an absent
 * field is kept, {@code "endDate": null} clears it): kept, cleared, or set to a value.
 */
public final class Change<T> {
    private static final Change<?> KEEP = new Change<>(false, null);
    private static final Change<?> CLEAR = new Change<>(true, null);

    private final boolean present;
    private final T value;

    private Change(boolean present, T value) {
        this.present = present;
        this.value = value;
    }

    @SuppressWarnings("unchecked")
    public static <T> Change<T> keep() {
        return (Change<T>) KEEP;
    }

    @SuppressWarnings("unchecked")
    public static <T> Change<T> clear() {
        return (Change<T>) CLEAR;
    }

    /** Set to the value; {@code null} clears. */
    public static <T> Change<T> to(T value) {
        return value == null ? clear() : new Change<>(true, value);
    }

    /** From an optional value: present sets (or clears when empty), absent keeps. */
    public static <T> Change<T> of(boolean present, Optional<T> value) {
        return present ? to(value.orElse(null)) : keep();
    }

    public boolean present() {
        return present;
    }

    /** The new value ({@code null} when cleared); meaningful only when present. */
    public T value() {
        return value;
    }

    /** The value after the change: the current one when kept. */
    public T applyTo(T current) {
        return present ? value : current;
    }

    public <R> Change<R> map(Function<? super T, ? extends R> f) {
        return !present ? keep() : value == null ? clear() : to(f.apply(value));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Change<?> c && c.present == present && java.util.Objects.equals(c.value, value);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(present, value);
    }

    @Override
    public String toString() {
        return !present ? "keep" : value == null ? "clear" : "to " + value;
    }
}
