package io.sightline.server.intel;

import io.sightline.server.auth.SecretHashing;
import io.sightline.server.common.ObservableTypes;
import io.sightline.server.core.Invalid;
import io.sightline.stix.StixFormatException;
import io.sightline.stix.StixId;
import io.sightline.stix.StixJson;
import io.sightline.stix.StixVersions;
import io.sightline.stix.observable.Observable;
import io.sightline.stix.observable.ObservableExtractor;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Turns a STIX object into what the intel store keeps: identity, version, bounded name and
 * description, the raw JSON (dropped above {@code sightline.intel.max-raw-chars}, since one huge
 * object must not bloat every lookup row; its metadata and values are still stored) and the
 * observable values, normalised by the same rules as case observables.
 */
@Component
class IntelObjectParser {
    /** Largest raw JSON the {@code intel_object.raw_json} column can hold. */
    public static final int RAW_COLUMN_CHARS = 1_000_000;
    static final int NAME_CHARS = 1024;
    static final int DESCRIPTION_CHARS = 4096;
    static final int VALUE_CHARS = 65_536;

    private final ObservableTypes types;
    private final int maxRawChars;

    public IntelObjectParser(ObservableTypes types, @Value("${sightline.intel.max-raw-chars:262144}") int maxRawChars) {
        if (maxRawChars < 0 || maxRawChars > RAW_COLUMN_CHARS) {
            throw new IllegalArgumentException("sightline.intel.max-raw-chars must be between 0 and " + RAW_COLUMN_CHARS
                    + ", was " + maxRawChars);
        }
        this.types = types;
        this.maxRawChars = maxRawChars;
    }

    /** A parsed object and the number of its values that the hub's observable rules refused. */
    public record Parsed(IntelObject object, int valuesSkipped) {}

    /**
     * @throws StixFormatException when the object has no valid id, a type that disagrees with its id
     *                             or a timestamp that cannot be read
     */
    public Parsed parse(JsonNode node) {
        if (!node.isObject()) throw new StixFormatException("not a JSON object");
        JsonNode idNode = node.get("id");
        if (idNode == null || !idNode.isString()) throw new StixFormatException("object without a string 'id'");
        String stixId = StixId.parse(idNode.stringValue()).toString();
        String type = StixId.typeOf(stixId);
        String declared = node.path("type").asString(null);
        if (declared != null && !declared.equals(type)) {
            throw new StixFormatException("'type' " + declared + " does not match the id " + stixId);
        }
        Long created = millis(node, "created");
        Long modified = millis(node, "modified");
        Long version = StixVersions.versionOf(node).map(IntelObjectParser::micros).orElse(null);
        String raw = StixJson.mapper().writeValueAsString(node);
        List<IntelValue> values = new ArrayList<>();
        int skipped = values(node, values);
        IntelObject object = new IntelObject(stixId, type, bounded(node, "name", NAME_CHARS), bounded(node, "description", DESCRIPTION_CHARS),
                created, modified, version, node.path("revoked").asBoolean(false), raw.length() <= maxRawChars ? raw : null,
                raw.length(), values);
        return new Parsed(object, skipped);
    }

    /**
     * The value to look up for an observable of {@code dataType}.
     *
     * @throws Invalid when the hub's observable rules reject the value
     */
    public IntelValue normalise(String dataType, String raw) {
        String intelType = intelType(dataType);
        String data = types.normalise(intelType, raw);
        return new IntelValue(intelType, data, SecretHashing.sha256(data));
    }

    /** The intel data type matching a case observable type: hostnames and FQDNs are domains in STIX. */
    public static String intelType(String dataType) {
        return switch (dataType) {
            case "fqdn", "hostname" -> Observable.DOMAIN;
            default -> dataType;
        };
    }

    private int values(JsonNode node, List<IntelValue> out) {
        int skipped = 0;
        Set<String> seen = new HashSet<>();
        for (Observable o : ObservableExtractor.extract(node)) {
            if (o.value().length() > VALUE_CHARS || o.value().indexOf('\0') >= 0) {
                skipped++;
                continue;
            }
            IntelValue value;
            try {
                value = normalise(o.dataType(), o.value());
            } catch (Invalid rejectedByHubRules) {
                skipped++;
                continue;
            }
            if (seen.add(value.dataType() + '\0' + value.dataKey())) out.add(value);
        }
        return skipped;
    }

    private static Long millis(JsonNode node, String property) {
        JsonNode value = node.get(property);
        if (value == null || value.isNull()) return null;
        if (!value.isString()) throw new StixFormatException("'" + property + "' of " + node.path("id").asString() + " is not a string");
        try {
            return StixVersions.parseTimestamp(value.stringValue()).toEpochMilli();
        } catch (ArithmeticException e) {
            throw new StixFormatException("'" + property + "' of " + node.path("id").asString() + " is out of range");
        }
    }

    private static long micros(Instant instant) {
        try {
            return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
        } catch (ArithmeticException e) {
            throw new StixFormatException("timestamp " + instant + " is out of range");
        }
    }

    private static String bounded(JsonNode node, String property, int max) {
        JsonNode value = node.get(property);
        return value == null || !value.isString() ? null : bounded(value.stringValue(), max);
    }

    /**
     * Text cut to {@code max} characters, without NUL characters, which PostgreSQL refuses in
     * text columns (the raw JSON keeps them, escaped).
     */
    static String bounded(String text, int max) {
        if (text == null) return null;
        String clean = text.indexOf('\0') >= 0 ? text.replace("\0", "") : text;
        return clean.length() <= max ? clean : clean.substring(0, max - 1) + "…";
    }
}
