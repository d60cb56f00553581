package io.sightline.server.api;

import io.sightline.server.core.Invalid;

/** Boolean query parameters as TheHive's clients send them: {@code ?asZip}, {@code ?asZip=true}, Python's {@code True}. */
public final class Flags {
    private Flags() {}

    /** Absent is false; present without a value is true; otherwise true/false (any case) or 1/0. */
    public static boolean of(String name, String value) {
        if (value == null) return false;
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "", "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new Invalid("Parameter " + name + " must be true or false, not '" + value + "'");
        };
    }
}
