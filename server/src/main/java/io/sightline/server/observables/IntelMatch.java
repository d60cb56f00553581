package io.sightline.server.observables;

/**
 * A case or an alert of the caller's organisation holding observables whose values are in an
 * intel report or dossier.
 *
 * @param number the case's number, or the alert's id
 * @param observables how many of its observables carry such a value
 */
public record IntelMatch(Kind kind, long number, String title, int observables) {
    public enum Kind { CASE, ALERT }
}
