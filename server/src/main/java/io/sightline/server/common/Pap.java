package io.sightline.server.common;

import io.sightline.server.core.Invalid;
import java.util.Locale;

/** Permissible Actions Protocol levels with TheHive's numbers (0 clear/white .. 3 red). */
public enum Pap {
    CLEAR, GREEN, AMBER, RED;

    public int value() { return ordinal(); }

    public static Pap of(int value) {
        if (value < 0 || value > 3) throw new Invalid("PAP must be 0 (CLEAR), 1 (GREEN), 2 (AMBER) or 3 (RED), not " + value);
        return values()[value];
    }

    public static Pap parse(String text) {
        String s = text.trim().toUpperCase(Locale.ROOT);
        if (s.startsWith("PAP:")) s = s.substring(4);
        return switch (s) {
            case "CLEAR", "WHITE", "0" -> CLEAR;
            case "GREEN", "1" -> GREEN;
            case "AMBER", "2" -> AMBER;
            case "RED", "3" -> RED;
            default -> throw new Invalid("Unknown PAP '" + text + "'; use CLEAR, GREEN, AMBER or RED");
        };
    }
}
