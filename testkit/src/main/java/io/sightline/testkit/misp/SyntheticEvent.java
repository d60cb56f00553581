package io.sightline.testkit.misp;

import java.util.UUID;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.ObjectNode;

/**
 * A generated event with any number of attributes. Attributes are derived from their index and
 * written one by one while the answer streams out, so even millions of them cost no memory.
 */
final class SyntheticEvent implements EmulatedEvent {

    private static final String[][] KINDS = {
        {"ip-dst", "Network activity"}, {"domain", "Network activity"}, {"md5", "Payload delivery"},
        {"url", "Network activity"}, {"sha256", "Payload delivery"}, {"filename", "Payload delivery"},
        {"ip-dst|port", "Network activity"}, {"email-src", "Payload delivery"},
    };

    private final ObjectNode header;
    private final int attributes;
    private final long firstAttributeId;
    private final long uuidSeed;

    SyntheticEvent(ObjectNode header, int attributes, long firstAttributeId) {
        this.header = header;
        this.attributes = attributes;
        this.firstAttributeId = firstAttributeId;
        this.uuidSeed = UUID.fromString(header.path("uuid").asString()).getMostSignificantBits();
    }

    int attributeCount() {
        return attributes;
    }

    @Override
    public ObjectNode header() {
        return header.deepCopy();
    }

    @Override
    public void write(JsonGenerator out, boolean includeDeleted) {
        out.writeStartObject();
        header.properties().forEach(e -> {
            out.writeName(e.getKey());
            out.writeTree(e.getValue());
        });
        String eventId = id();
        String timestamp = header.path("timestamp").asString();
        out.writeArrayPropertyStart("Attribute");
        for (int i = 0; i < attributes; i++) {
            String[] kind = KINDS[i % KINDS.length];
            out.writeStartObject();
            out.writeStringProperty("id", String.valueOf(firstAttributeId + i));
            out.writeStringProperty("event_id", eventId);
            out.writeStringProperty("object_id", "0");
            out.writeStringProperty("object_relation", null);
            out.writeStringProperty("category", kind[1]);
            out.writeStringProperty("type", kind[0]);
            out.writeStringProperty("value", value(kind[0], i));
            out.writeBooleanProperty("to_ids", i % 3 != 0);
            out.writeStringProperty("uuid", new UUID(uuidSeed, i).toString());
            out.writeStringProperty("timestamp", timestamp);
            out.writeStringProperty("distribution", "5");
            out.writeStringProperty("sharing_group_id", "0");
            out.writeStringProperty("comment", i % 7 == 0 ? "generated attribute " + i : "");
            out.writeBooleanProperty("deleted", false);
            out.writeBooleanProperty("disable_correlation", false);
            out.writeArrayPropertyStart("Tag");
            out.writeEndArray();
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayPropertyStart("Object");
        out.writeEndArray();
        out.writeEndObject();
    }

    /** A plausible, unique value of the given type for attribute number {@code i}. */
    static String value(String type, int i) {
        return switch (type) {
            case "ip-dst" -> ip(i);
            case "domain" -> "host" + i + ".example.net";
            case "md5" -> hex(i, 32);
            case "url" -> "https://download" + i + ".example.org/payload.bin";
            case "sha256" -> hex(i, 64);
            case "filename" -> "dropper-" + i + ".exe";
            case "ip-dst|port" -> ip(i) + "|" + (1024 + i % 60000);
            case "email-src" -> "sender" + i + "@example.com";
            default -> "value-" + i;
        };
    }

    private static String ip(int i) {
        return "10." + ((i >> 16) & 0xff) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff);
    }

    private static String hex(int i, int length) {
        String base = String.format("%08x", i);
        StringBuilder s = new StringBuilder(length);
        while (s.length() < length) {
            s.append(base);
        }
        return s.substring(0, length);
    }
}
