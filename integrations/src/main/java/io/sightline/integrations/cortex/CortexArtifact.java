package io.sightline.integrations.cortex;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;

/**
 * An observable extracted by an analyzer: a value ({@code dataType}, {@code data}) or a file
 * ({@code attachment}). Analyzer output files spell the fields {@code type}/{@code value}; both
 * spellings are read.
 */
public record CortexArtifact(
        @JsonAlias("type") String dataType,
        @JsonAlias("value") String data,
        Attachment attachment,
        String message,
        List<String> tags,
        Integer tlp) {

    public CortexArtifact {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public boolean isFile() {
        return attachment != null;
    }

    /** A file stored in Cortex's datastore, downloadable from {@code /api/datastore/{id}}. */
    public record Attachment(String id, String name, String contentType, Long size) {
    }
}
