package io.sightline.integrations.misp.model;

import java.util.List;
import java.util.Objects;

/**
 * An attribute to add to a MISP event.
 *
 * @param type         MISP type, e.g. {@code ip-dst}
 * @param category     MISP category, e.g. {@code Network activity}
 * @param value        the value
 * @param toIds        the IDS flag, sent explicitly so that MISP's per-type default does not apply
 * @param comment      free text, may be empty
 * @param distribution 0..5, or null for MISP's default (inherit the event)
 * @param tags         tag names for the attribute (TLP included)
 */
public record MispNewAttribute(String type, String category, String value, boolean toIds, String comment,
                               Integer distribution, List<String> tags) {

    public MispNewAttribute {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(value, "value");
        comment = comment == null ? "" : comment;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The identity MISP deduplicates attributes on within an event. */
    public String key() {
        return key(type, category, value);
    }

    public static String key(String type, String category, String value) {
        return type + "\u0000" + category + "\u0000" + value;
    }
}
