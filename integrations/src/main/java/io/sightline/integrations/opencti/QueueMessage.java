package io.sightline.integrations.opencti;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The bodies of the messages of one delivery on OpenCTI's push queue, built field by field as
 * pycti's {@code _send_bundle} does: the bundle travels base64-encoded in {@code content}. The parts
 * shared by every message of the delivery are encoded once, since this runs once per STIX object.
 */
public final class QueueMessage {
    private static final byte[] CONTENT_END = bytes("\",\"update\":false,\"draft_id\":null");

    private final byte[] prefix;
    private final byte[] suffix;

    /**
     * @param applicantId the {@code connector_user_id} from registration (may be null)
     * @param workId      the work the messages belong to, or null (then the field is absent)
     */
    public QueueMessage(String applicantId, String workId) {
        this.prefix = bytes("{\"bundle_type\":\"QUEUE_BUNDLE\",\"applicant_id\":" + quoted(applicantId) + ",\"action_sequence\":");
        this.suffix = bytes(workId == null ? "}" : ",\"work_id\":" + quoted(workId) + "}");
    }

    /** One message: {@code actionSequence} is the 1-based position, {@code bundleJson} the (split) bundle in UTF-8. */
    public byte[] body(int actionSequence, byte[] bundleJson) {
        byte[] middle = bytes(actionSequence + ",\"entities_types\":[],\"content\":\"");
        byte[] base64 = Base64.getEncoder().encode(bundleJson);
        byte[] out = new byte[prefix.length + middle.length + base64.length + CONTENT_END.length + suffix.length];
        int pos = put(out, 0, prefix);
        pos = put(out, pos, middle);
        pos = put(out, pos, base64);
        pos = put(out, pos, CONTENT_END);
        put(out, pos, suffix);
        return out;
    }

    /** A single message, for callers that send one. */
    public static byte[] body(String applicantId, int actionSequence, byte[] bundleJson, String workId) {
        return new QueueMessage(applicantId, workId).body(actionSequence, bundleJson);
    }

    private static int put(byte[] out, int pos, byte[] part) {
        System.arraycopy(part, 0, out, pos, part.length);
        return pos + part.length;
    }

    private static String quoted(String value) {
        if (value == null) return "null";
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.append('"').toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
