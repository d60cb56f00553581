package io.sightline.server.recordfiles;

/**
 * What a client attaches files to, as its route names it: a case (by "~id" or number), an alert
 * ("~id") or the caller's own organisation ({@code id} is then {@code null}).
 */
public record FileTarget(Kind kind, String id) {
    public enum Kind { CASE, ALERT, ORGANISATION }

    public static FileTarget ofCase(String idOrNumber) {
        return new FileTarget(Kind.CASE, idOrNumber);
    }

    public static FileTarget ofAlert(String id) {
        return new FileTarget(Kind.ALERT, id);
    }

    public static FileTarget organisation() {
        return new FileTarget(Kind.ORGANISATION, null);
    }
}
