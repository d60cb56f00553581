package io.sightline.server.caselinks;

import io.sightline.server.core.Invalid;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The rules a link type and an external URL obey, the same for the API and the UI. */
final class CaseLinkRules {
    static final int MAX_TYPE = 64;
    static final int MAX_URL = 2048;

    private CaseLinkRules() {}

    /** A link type: 1 to 64 characters once trimmed, no control characters (TheHive's bounds). */
    static String linkType(String raw) {
        String t = raw == null ? "" : raw.strip();
        if (t.isEmpty()) throw new Invalid("A link type is required, such as related or duplicate");
        if (t.length() > MAX_TYPE) throw new Invalid("A link type has at most " + MAX_TYPE + " characters, not " + t.length());
        if (t.chars().anyMatch(Character::isISOControl)) throw new Invalid("A link type must not hold control characters");
        return t;
    }

    /**
     * An absolute http or https URL with a host, written in ASCII (other characters percent-encoded),
     * at most 2048 characters: a link an analyst can open, never a {@code javascript:} or {@code file:} one.
     */
    static String url(String raw) {
        String u = raw == null ? "" : raw.strip();
        if (u.isEmpty()) throw new Invalid("A URL is required, such as https://example.com/report");
        if (u.length() > MAX_URL) throw new Invalid("A linked URL has at most " + MAX_URL + " characters, not " + u.length());
        if (!u.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new Invalid("URL " + shown(u) + " must be written in ASCII without spaces (percent-encode other characters)");
        }
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            throw new Invalid("URL " + shown(u) + " is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Invalid("URL " + shown(u) + " must start with http:// or https://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) throw new Invalid("URL " + shown(u) + " names no host");
        return u;
    }

    private static String shown(String u) {
        return u.length() > 100 ? u.substring(0, 100) + "…" : u;
    }
}
