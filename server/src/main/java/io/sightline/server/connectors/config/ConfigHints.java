package io.sightline.server.connectors.config;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" hints for unknown keys, by edit distance on the relaxed spelling. */
final class ConfigHints {
    private ConfigHints() {}

    static String suggestion(String key, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String k = ConfigSpec.relaxed(key);
        for (String candidate : known) {
            int d = distance(k, ConfigSpec.relaxed(candidate));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        if (best != null && bestDistance <= Math.max(2, k.length() / 4)) return "; did you mean " + best + "?";
        return known.isEmpty() ? "; this block takes no keys" : "; accepted keys: " + String.join(", ", known);
    }

    private static int distance(String a, String b) {
        a = a.toLowerCase(Locale.ROOT);
        b = b.toLowerCase(Locale.ROOT);
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
