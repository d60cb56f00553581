package io.sightline.server.observables;

/**
 * One observable of a batch that was not added: a value the case or alert already holds
 * ({@link Kind#DUPLICATE}) or one the observable rules refuse ({@link Kind#INVALID}), with the value
 * as shown ({@code data}, null when there was none) and why.
 */
public record ObservableRefusal(Kind kind, String message, String data) {
    public enum Kind { DUPLICATE, INVALID }
}
