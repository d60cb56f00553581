package io.sightline.server.connectors.misp.importing;

import io.sightline.server.attachments.Attachment;
import java.util.List;

/**
 * An observable ready to be written by the import: value normalised as the hub stores it, its key
 * (SHA-256 of the value, or of the file) computed.
 *
 * @param attachment the stored file of a {@code file} observable, else null
 */
record ImportedObservable(String dataType, String data, String dataKey, Attachment attachment, String message, int tlp,
                          boolean ioc, long startDate, List<String> tags) {

    Long attachmentId() {
        return attachment == null ? null : attachment.id();
    }
}
