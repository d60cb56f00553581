package io.sightline.integrations.opencti;

import java.nio.charset.StandardCharsets;

/**
 * The bodies of the messages of one delivery on OpenCTI's push queue, built field by field as
 * pycti's {@code _send_bundle} does: the bundle travels base64-encoded in {@code content}. The parts
 * shared by every message of the delivery are encoded once, since this runs once per STIX object.
 */
public final class QueueMessage {
    private static final byte[] CONTENT_START = bytes(",\"entities_types\":[],\"content\":\"");
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
        return body(actionSequence, bundleJson, 0, bundleJson.length);
    }

    /**
     * One message whose bundle is {@code bundleJson[offset, offset + length)}: the body is built in
     * one array of its exact size, the base64 written straight into it.
     */
    public byte[] body(int actionSequence, byte[] bundleJson, int offset, int length) {
        if (actionSequence < 0) throw new IllegalArgumentException("negative action sequence " + actionSequence);
        int digits = digits(actionSequence);
        int base64 = (length + 2) / 3 * 4;
        byte[] out = new byte[prefix.length + digits + CONTENT_START.length + base64 + CONTENT_END.length + suffix.length];
        int pos = put(out, 0, prefix);
        for (int i = pos + digits - 1, n = actionSequence; i >= pos; i--, n /= 10) out[i] = (byte) ('0' + n % 10);
        pos = put(out, pos + digits, CONTENT_START);
        pos = Base64Slices.encode(bundleJson, offset, length, out, pos);
        pos = put(out, pos, CONTENT_END);
        put(out, pos, suffix);
        return out;
    }

    /** A single message, for callers that send one. */
    public static byte[] body(String applicantId, int actionSequence, byte[] bundleJson, String workId) {
        return new QueueMessage(applicantId, workId).body(actionSequence, bundleJson);
    }

    private static int digits(int n) {
        int digits = 1;
        while (n >= 10) {
            n /= 10;
            digits++;
        }
        return digits;
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
