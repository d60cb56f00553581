package io.sightline.integrations.misp.mapping;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MISP's ATT&CK galaxy tags, as the misp-galaxy {@code mitre-attack-pattern} cluster names them:
 * {@code misp-galaxy:mitre-attack-pattern="<technique name> - <Txxxx[.yyy]>"}, a sub-technique
 * under its own name without its parent's ("Spearphishing Attachment - T1566.001").
 */
public final class MispGalaxy {
    static final String ATTACK_PATTERN = "misp-galaxy:mitre-attack-pattern=";
    private static final Pattern TAG = Pattern.compile(
            "misp-galaxy:mitre-attack-pattern=\"(.*) - (T\\d{4}(?:\\.\\d{3})?)\"", Pattern.CASE_INSENSITIVE);

    private MispGalaxy() {}

    /** The galaxy tag of a technique; MISP's cluster values cannot hold a double quote, so none is sent. */
    public static String attackPatternTag(String name, String techniqueId) {
        return ATTACK_PATTERN + "\"" + name.replace("\"", "'").strip() + " - " + techniqueId.strip() + "\"";
    }

    /** The technique id (T1566.001) an ATT&CK galaxy tag names; empty for any other tag. */
    public static Optional<String> attackPatternId(String tag) {
        if (tag == null) return Optional.empty();
        Matcher m = TAG.matcher(tag.strip());
        return m.matches() ? Optional.of(m.group(2).toUpperCase(java.util.Locale.ROOT)) : Optional.empty();
    }

    public static boolean isAttackPattern(String tag) {
        return tag != null && tag.regionMatches(true, 0, ATTACK_PATTERN, 0, ATTACK_PATTERN.length());
    }
}
