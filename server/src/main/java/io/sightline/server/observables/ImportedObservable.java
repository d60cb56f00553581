package io.sightline.server.observables;

import io.sightline.server.attachments.Attachment;
import java.util.List;

/**
 * An observable a connector imports in bulk, ready to be written: value normalised as the hub
 * stores it, its key (SHA-256 of the value, or of the file) computed. Such observables get PAP 2,
 * are neither sighted nor exempt from similarity, and have no reports yet.
 *
 * @param attachment the stored file of a {@code file} observable, else null
 */
public record ImportedObservable(String dataType, String data, String dataKey, Attachment attachment, String message,
                                 int tlp, boolean ioc, long startDate, List<String> tags) {

    Long attachmentId() {
        return attachment == null ? null : attachment.id();
    }
}
