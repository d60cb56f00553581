package io.sightline.server.recordfiles;

import io.sightline.server.attachments.AttachmentView;
import io.sightline.server.common.Ids;
import java.util.List;
import java.util.Map;

/** TheHive 5's OutputAttachment: {@code id} is the content's SHA-256, {@code path} where it is downloaded. */
public final class RecordFileView {
    private RecordFileView() {}

    public static Map<String, Object> of(RecordFile f) {
        return AttachmentView.of(f.file(), f.createdBy(), f.createdAt(), path(f));
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
