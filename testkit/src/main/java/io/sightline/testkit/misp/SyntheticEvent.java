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
        // Every generated field is plain ASCII without quotes or backslashes, so each attribute is
        // assembled as text and written raw: escaping field by field made the emulator cost more
        // CPU than the client parsing its answers, on the machine the benchmark measures.
        StringBuilder a = new StringBuilder(512);
        for (int i = 0; i < attributes; i++) {
            String[] kind = KINDS[i % KINDS.length];
            a.setLength(0);
            a.append("{\"id\":\"").append(firstAttributeId + i)
                    .append("\",\"event_id\":\"").append(eventId)
                    .append("\",\"object_id\":\"0\",\"object_relation\":null,\"category\":\"").append(kind[1])
                    .append("\",\"type\":\"").append(kind[0])
                    .append("\",\"value\":\"").append(value(kind[0], i))
                    .append("\",\"to_ids\":").append(i % 3 != 0)
                    .append(",\"uuid\":\"").append(new UUID(uuidSeed, i))
                    .append("\",\"timestamp\":\"").append(timestamp)
                    .append("\",\"distribution\":\"5\",\"sharing_group_id\":\"0\",\"comment\":\"")
                    .append(i % 7 == 0 ? "generated attribute " + i : "")
                    .append("\",\"deleted\":false,\"disable_correlation\":false,\"Tag\":[]}");
            out.writeRawValue(a.toString());
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
        String digits = Integer.toHexString(i);
        String base = "0".repeat(8 - digits.length()) + digits;
        return base.repeat(length / 8);
    }
}
