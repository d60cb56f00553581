package io.sightline.integrations.opencti;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The body of one message on OpenCTI's push queue, built field by field as pycti's
 * {@code _send_bundle} does: the bundle travels base64-encoded in {@code content}. Written straight
 * into one byte array of the exact size, since this runs once per STIX object.
 */
public final class QueueMessage {
    private static final byte[] CONTENT = bytes("\",\"update\":false,\"draft_id\":null");
    private static final byte[] NULL = bytes("null");

    private QueueMessage() {}

    /**
     * @param applicantId    the {@code connector_user_id} from registration (may be null)
     * @param actionSequence 1-based position of this message in the report
     * @param bundleJson     the (split) bundle, UTF-8 JSON text
     * @param workId         the work the message belongs to, or null (then the field is absent)
     */
    public static byte[] body(String applicantId, int actionSequence, byte[] bundleJson, String workId) {
        byte[] head = bytes("{\"bundle_type\":\"QUEUE_BUNDLE\",\"applicant_id\":" + quoted(applicantId)
                + ",\"action_sequence\":" + actionSequence + ",\"entities_types\":[],\"content\":\"");
        byte[] tail = bytes(workId == null ? "}" : ",\"work_id\":" + quoted(workId) + "}");
        int encoded = 4 * ((bundleJson.length + 2) / 3);
        byte[] out = new byte[head.length + encoded + CONTENT.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        int pos = head.length;
        byte[] base64 = Base64.getEncoder().encode(bundleJson);
        System.arraycopy(base64, 0, out, pos, encoded);
        pos += encoded;
        System.arraycopy(CONTENT, 0, out, pos, CONTENT.length);
        pos += CONTENT.length;
        System.arraycopy(tail, 0, out, pos, tail.length);
        return out;
    }

    private static String quoted(String value) {
        if (value == null) return new String(NULL, StandardCharsets.US_ASCII);
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
