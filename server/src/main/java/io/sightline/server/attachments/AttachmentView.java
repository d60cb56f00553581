package io.sightline.server.attachments;

import io.sightline.server.common.Ids;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TheHive 5's OutputAttachment, whichever record holds the file (an observable, a task log, a case,
 * an alert, an organisation): {@code _id} is the stored file's id, {@code id} its content's SHA-256,
 * {@code path} where the holder serves it.
 */
public final class AttachmentView {
    private AttachmentView() {}

    public static Map<String, Object> of(Attachment a, String createdBy, long createdAt, String path) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", Ids.format(a.id()));
        out.put("_type", "Attachment");
        out.put("_createdBy", createdBy);
        out.put("_createdAt", createdAt);
        out.put("name", a.name());
        out.put("hashes", List.of(a.sha256(), a.sha1(), a.md5()));
        out.put("size", a.size());
        out.put("contentType", a.contentType());
        out.put("id", a.sha256());
        out.put("path", path);
        out.put("extraData", Map.of());
        out.put("external", false);
        return out;
    }
}
