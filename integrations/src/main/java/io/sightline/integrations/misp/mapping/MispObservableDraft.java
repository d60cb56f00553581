package io.sightline.integrations.misp.mapping;

import java.time.Instant;
import java.util.List;

/**
 * A neutral observable built from one MISP attribute (or one part of a composite attribute).
 *
 * @param dataType      observable dataType from the import table
 * @param data          the value (for {@code file}: the file name)
 * @param ioc           the attribute's {@code to_ids}
 * @param tags          {@code misp.category="…"}, {@code misp.type="…"}, {@code misp.object="…"}
 *                      for object members, then the attribute tags
 * @param message       the attribute comment
 * @param tlp           the attribute's own TLP tag, else the event's
 * @param attributeUuid the MISP attribute uuid (what a later update or deletion refers to)
 * @param attributeId   the MISP attribute id, needed to download a file; null in feeds
 * @param deleted       the attribute (or its object) is deleted in MISP: remove it from the alert
 * @param modified      the attribute's {@code timestamp}
 * @param attachment    true for {@code malware-sample}/{@code attachment}: the content is fetched
 *                      with {@link io.sightline.integrations.misp.MispClient#downloadAttachment}
 */
public record MispObservableDraft(String dataType, String data, boolean ioc, List<String> tags,
                                  String message, int tlp, String attributeUuid, String attributeId,
                                  boolean deleted, Instant modified, boolean attachment) {

    public MispObservableDraft {
        tags = List.copyOf(tags);
    }
}
