package io.sightline.integrations.misp.mapping;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * TLP and PAP tags ⇄ TheHive's 0..3 levels (0 white/clear, 1 green, 2 amber, 3 red).
 *
 * <p>Tags are recognised case-insensitively ({@code tlp:green}, {@code TLP:GREEN}) including TLP
 * 2.0's {@code tlp:clear} and {@code tlp:amber+strict}. The 0..3 scale has no amber+strict, so it
 * is rounded up to 3 (red): information is never shared more widely than its source allowed.
 * When several TLP tags are present the most restrictive wins.
 */
public final class MispTlp {

    /** Level used when an event has no TLP tag (TheHive's default). */
    public static final int DEFAULT_TLP = 2;
    /** Level used when an event has no PAP tag (TheHive's default). */
    public static final int DEFAULT_PAP = 2;

    private MispTlp() {
    }

    /** The TLP level of one tag, or -1 when the tag is not a TLP tag. */
    public static int tlpLevel(String tag) {
        return level(tag, "tlp:");
    }

    /** The PAP level of one tag ({@code PAP:GREEN} …), or -1 when the tag is not a PAP tag. */
    public static int papLevel(String tag) {
        return level(tag, "pap:");
    }

    /** The most restrictive TLP among the tags, empty when none is a TLP tag. */
    public static OptionalInt tlp(List<String> tags) {
        return max(tags, "tlp:");
    }

    /** The most restrictive PAP among the tags, empty when none is a PAP tag. */
    public static OptionalInt pap(List<String> tags) {
        return max(tags, "pap:");
    }

    /** True when the tag is a TLP or PAP tag (which the level fields carry already). */
    public static boolean isMarking(String tag) {
        return tlpLevel(tag) >= 0 || papLevel(tag) >= 0;
    }

    /** The MISP tag for a TLP level: {@code tlp:clear}, {@code tlp:green}, {@code tlp:amber}, {@code tlp:red}. */
    public static String tlpTag(int level) {
        return "tlp:" + name(level);
    }

    /** The MISP tag for a PAP level: {@code PAP:CLEAR} … {@code PAP:RED} (MISP's PAP taxonomy is upper case). */
    public static String papTag(int level) {
        return "PAP:" + name(level).toUpperCase(Locale.ROOT);
    }

    private static String name(int level) {
        return switch (level) {
            case 0 -> "clear";
            case 1 -> "green";
            case 2 -> "amber";
            case 3 -> "red";
            default -> throw new IllegalArgumentException("TLP/PAP level must be 0..3 but was " + level);
        };
    }

    private static OptionalInt max(List<String> tags, String prefix) {
        if (tags.isEmpty()) return OptionalInt.empty();
        return tags.stream().mapToInt(t -> level(t, prefix)).filter(l -> l >= 0).max();
    }

    private static int level(String tag, String prefix) {
        String t = tag.strip().toLowerCase(Locale.ROOT);
        if (!t.startsWith(prefix)) {
            return -1;
        }
        return switch (t.substring(prefix.length()).strip()) {
            case "white", "clear" -> 0;
            case "green" -> 1;
            case "amber" -> 2;
            case "amber+strict", "red" -> 3;
            default -> -1;
        };
    }
}
