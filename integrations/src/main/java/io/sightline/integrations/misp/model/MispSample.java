package io.sightline.integrations.misp.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file to upload into an event. The content is streamed from disk and base64-encoded on the
 * fly, never loaded whole.
 *
 * @param file     the file to send
 * @param fileName the name MISP shows
 * @param kind     malware sample (stored zipped by MISP, password "infected") or plain attachment
 * @param category MISP category, e.g. {@code Payload delivery}
 * @param comment  free text
 * @param toIds    the IDS flag of the created attribute
 */
public record MispSample(Path file, String fileName, Kind kind, String category, String comment, boolean toIds) {

    public enum Kind {
        /** {@code malware-sample} through {@code POST /events/upload_sample/{eventId}}. */
        MALWARE_SAMPLE,
        /** {@code attachment} through {@code POST /attributes/add/{eventId}} with {@code data}. */
        ATTACHMENT
    }

    public MispSample {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(kind, "kind");
        category = category == null ? "Payload delivery" : category;
        comment = comment == null ? "" : comment;
    }
}
