package io.sightline.server.tasklogs;

import io.sightline.server.attachments.AttachmentView;
import io.sightline.server.common.Ids;
import java.util.LinkedHashMap;
import java.util.Map;

/** TheHive 5's OutputLog shape, its files as OutputAttachment. */
public final class TaskLogView {
    private TaskLogView() {}

    public static Map<String, Object> of(LogRecord l) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", Ids.format(l.id()));
        out.put("_type", "Log");
        out.put("_createdBy", l.createdBy());
        out.put("_createdAt", l.createdAt());
        if (l.updatedBy() != null) out.put("_updatedBy", l.updatedBy());
        if (l.updatedAt() != null) out.put("_updatedAt", l.updatedAt());
        out.put("message", l.message());
        out.put("date", l.date());
        out.put("attachments", l.files().stream().map(f -> file(l, f)).toList());
        out.put("owner", l.owner());
        if (l.includeInTimeline() != null) out.put("includeInTimeline", l.includeInTimeline());
        out.put("extraData", Map.of());
        return out;
    }

    /** {@code id} is the content's id (its SHA-256), {@code path} where it is downloaded. */
    static Map<String, Object> file(LogRecord l, LogFile f) {
        return AttachmentView.of(f.file(), f.createdBy(), f.createdAt(),
                "/api/v1/log/" + Ids.format(l.id()) + "/attachment/" + Ids.format(f.file().id()) + "/download");
    }
}
