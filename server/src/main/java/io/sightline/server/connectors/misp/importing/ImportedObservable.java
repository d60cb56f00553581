package io.sightline.server.connectors.misp.importing;

import java.util.List;

/**
 * An observable ready to be written by the import: value normalised as the hub stores it, its key
 * (SHA-256 of the value, or of the file) computed.
 *
 * @param attachmentId the stored file of a {@code file} observable, else null
 */
record ImportedObservable(String dataType, String data, String dataKey, Long attachmentId, String message, int tlp,
                          boolean ioc, long startDate, List<String> tags) {}
