package io.sightline.server.observables;

/**
 * One rule a {@link NewObservable} breaks, at its field, so a form can show it there.
 *
 * @param field the field: {@code dataType}, {@code data}, {@code attachment}, {@code tags} or {@code message}
 * @param value the index of the value in {@code data} for a problem of one value, else -1
 */
public record DraftProblem(String field, int value, String message) {}
