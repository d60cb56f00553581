package io.sightline.stix;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Identifier generation: random bundle ids, the bundle id derived from a report, and the
 * deterministic (UUIDv5) ids STIX 2.1 defines for cyber-observables (section 2.9 of the spec).
 */
public final class StixIds {
    /** Namespace of STIX 2.1 deterministic identifiers. */
    public static final UUID STIX_NAMESPACE = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");

    /** ID-contributing properties per SCO type (STIX 2.1, section 6). */
    private static final Map<String, List<String>> ID_CONTRIBUTING = Map.ofEntries(
            Map.entry("artifact", List.of("hashes", "payload_bin")),
            Map.entry("autonomous-system", List.of("number")),
            Map.entry("directory", List.of("path")),
            Map.entry("domain-name", List.of("value")),
            Map.entry("email-addr", List.of("value")),
            Map.entry("email-message", List.of("from_ref", "subject", "body")),
            Map.entry("file", List.of("hashes", "name", "extensions", "parent_directory_ref")),
            Map.entry("ipv4-addr", List.of("value")),
            Map.entry("ipv6-addr", List.of("value")),
            Map.entry("mac-addr", List.of("value")),
            Map.entry("mutex", List.of("name")),
            Map.entry("network-traffic", List.of("start", "end", "src_ref", "dst_ref", "src_port", "dst_port", "protocols", "extensions")),
            Map.entry("software", List.of("name", "cpe", "swid", "vendor", "version")),
            Map.entry("url", List.of("value")),
            Map.entry("user-account", List.of("account_type", "user_id", "account_login")),
            Map.entry("windows-registry-key", List.of("key", "values")),
            Map.entry("x509-certificate", List.of("hashes", "serial_number")));

    private StixIds() {}

    /** A fresh {@code bundle--<uuid4>}. */
    public static String newBundleId() {
        return "bundle--" + UUID.randomUUID();
    }

    /**
     * The bundle id used when a whole report is delivered: {@code bundle--<uuid of the report>}.
     * Deterministic, so re-sending a report re-uses its bundle id; unlike the original connector's
     * {@code bundle--report--<uuid>} it is a valid STIX identifier.
     *
     * @throws StixFormatException if {@code reportId} is not a valid STIX id
     */
    public static String bundleIdFor(String reportId) {
        return "bundle--" + StixId.parse(reportId).uuid();
    }

    /** RFC 4122 name-based UUID, version 5 (SHA-1). */
    public static UUID uuid5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
        ByteBuffer ns = ByteBuffer.allocate(16)
                .putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits());
        sha1.update(ns.array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    /**
     * The deterministic id of a cyber-observable from its ID-contributing properties, e.g.
     * {@code ipv4-addr--<uuid5 of {"value":"1.2.3.4"}>}. Properties absent from the object are
     * left out, as the spec requires.
     *
     * @throws StixFormatException for a type without deterministic id rules, or when none of the
     *     contributing properties is present
     */
    public static String deterministicScoId(JsonNode sco) {
        String type = sco.path("type").asString("");
        List<String> properties = ID_CONTRIBUTING.get(type);
        if (properties == null) throw new StixFormatException("no deterministic id rule for type '" + type + "'");
        ObjectNode contributing = JsonNodeFactory.instance.objectNode();
        for (String property : properties) {
            JsonNode value = sco.get(property);
            if (value != null && !value.isNull()) contributing.set(property, value);
        }
        if (contributing.isEmpty()) {
            throw new StixFormatException("object of type '" + type + "' has none of its id-contributing properties " + properties);
        }
        return type + "--" + uuid5(STIX_NAMESPACE, CanonicalJson.write(contributing));
    }

    /** The SCO types that have deterministic id rules. */
    public static List<String> deterministicTypes() {
        return new ArrayList<>(ID_CONTRIBUTING.keySet());
    }
}
