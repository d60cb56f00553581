package io.sightline.server.common;

import io.sightline.server.core.Invalid;
import java.util.Locale;

/**
 * Traffic Light Protocol 2.0 levels with TheHive's numbers (0 white/clear, 1 green, 2 amber,
 * 3 red) plus 4 for AMBER+STRICT, which TLP 2.0 added after TheHive had fixed 0-3.
 */
public enum Tlp {
    CLEAR(0), GREEN(1), AMBER(2), RED(3), AMBER_STRICT(4);

    private final int value;

    Tlp(int value) { this.value = value; }

    public int value() { return value; }

    public String label() {
        return this == AMBER_STRICT ? "AMBER+STRICT" : name();
    }

    public static Tlp of(int value) {
        for (Tlp t : values()) if (t.value == value) return t;
        throw new Invalid("TLP must be 0 (CLEAR), 1 (GREEN), 2 (AMBER), 3 (RED) or 4 (AMBER+STRICT), not " + value);
    }

    /** Accepts TheHive numbers and names such as "amber+strict", "TLP:CLEAR" or "white". */
    public static Tlp parse(String text) {
        String s = text.trim().toUpperCase(Locale.ROOT);
        if (s.startsWith("TLP:")) s = s.substring(4);
        return switch (s) {
            case "CLEAR", "WHITE", "0" -> CLEAR;
            case "GREEN", "1" -> GREEN;
            case "AMBER", "2" -> AMBER;
            case "RED", "3" -> RED;
            case "AMBER+STRICT", "AMBER_STRICT", "4" -> AMBER_STRICT;
            default -> throw new Invalid("Unknown TLP '" + text + "'; use CLEAR, GREEN, AMBER, AMBER+STRICT or RED");
        };
    }
}
