package io.sightline.server.common;

import io.sightline.server.core.NotFound;

/** TheHive-style external ids ("~123"): a marker prefix plus the database id. */
public final class Ids {
    private Ids() {}

    public static String format(long id) {
        return "~" + id;
    }

    /** Parses "~123"; anything else is an unknown id for the given kind of object. */
    public static long parse(String external, String kind) {
        if (external != null && external.length() > 1 && external.length() < 20 && external.charAt(0) == '~') {
            try {
                return Long.parseLong(external.substring(1));
            } catch (NumberFormatException ignored) {
                // falls through to not found
            }
        }
        throw new NotFound(kind + " " + external + " not found");
    }

    public static boolean looksLikeId(String s) {
        return s != null && s.startsWith("~");
    }
}
