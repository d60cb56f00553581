package io.sightline.integrations.opencti;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The body of one message on OpenCTI's push queue, built field by field as pycti's
 * {@code _send_bundle} does: the bundle travels base64-encoded in {@code content}.
 */
public final class QueueMessage {
    private QueueMessage() {}

    /**
     * @param applicantId    the {@code connector_user_id} from registration (may be null)
     * @param actionSequence 1-based position of this message in the report
     * @param bundleJson     the (split) bundle, UTF-8 JSON text
     * @param workId         the work the message belongs to, or null (then the field is absent)
     */
    public static byte[] body(String applicantId, int actionSequence, byte[] bundleJson, String workId) {
        String content = Base64.getEncoder().encodeToString(bundleJson);
        StringBuilder out = new StringBuilder(content.length() + 200);
        out.append("{\"bundle_type\":\"QUEUE_BUNDLE\",\"applicant_id\":");
        appendString(out, applicantId);
        out.append(",\"action_sequence\":").append(actionSequence)
                .append(",\"entities_types\":[],\"content\":\"").append(content)
                .append("\",\"update\":false,\"draft_id\":null");
        if (workId != null) {
            out.append(",\"work_id\":");
            appendString(out, workId);
        }
        return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendString(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        out.append('"');
    }
}
