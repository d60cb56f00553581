package io.sightline.server.recordfiles;

import io.sightline.server.attachments.Attachment;
import io.sightline.server.common.Ids;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TheHive 5's OutputAttachment: {@code id} is the content's SHA-256, {@code path} where it is downloaded. */
public final class RecordFileView {
    private RecordFileView() {}

    public static Map<String, Object> of(RecordFile f) {
        Attachment a = f.file();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", Ids.format(a.id()));
        out.put("_type", "Attachment");
        out.put("_createdBy", f.createdBy());
        out.put("_createdAt", f.createdAt());
        out.put("name", a.name());
        out.put("hashes", List.of(a.sha256(), a.sha1(), a.md5()));
        out.put("size", a.size());
        out.put("contentType", a.contentType());
        out.put("id", a.sha256());
        out.put("path", path(f));
        out.put("extraData", Map.of());
        out.put("external", false);
        return out;
    }

    /** TheHive's OutputAttachments, the answer to an upload. */
    public static Map<String, Object> list(List<RecordFile> files) {
        return Map.of("attachments", files.stream().map(RecordFileView::of).toList());
    }

    static String path(RecordFile f) {
        String file = "/attachment/" + Ids.format(f.id()) + "/download";
        if (f.caseId() != null) return "/api/v1/case/" + Ids.format(f.caseId()) + file;
        if (f.alertId() != null) return "/api/v1/alert/" + Ids.format(f.alertId()) + file;
        return "/api/v1" + file;
    }
}
