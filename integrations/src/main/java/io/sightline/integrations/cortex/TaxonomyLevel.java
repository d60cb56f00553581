package io.sightline.integrations.cortex;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Severity of a report taxonomy; like cortexutils, anything unknown counts as {@code info}. */
public enum TaxonomyLevel {
    INFO, SAFE, SUSPICIOUS, MALICIOUS;

    @JsonValue
    public String cortexName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TaxonomyLevel fromCortex(String value) {
        if (value == null) {
            return INFO;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "safe" -> SAFE;
            case "suspicious" -> SUSPICIOUS;
            case "malicious" -> MALICIOUS;
            default -> INFO;
        };
    }
}
