package io.sightline.server.casearchive;

import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseRecord;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A case's archive as a download ({@code case-<number>.thar}), for the API and the UI alike. It is
 * written to a temporary file first, so that its length is known, a failure is a clean error rather
 * than a cut download, and no transaction stays open while a slow client reads.
 */
public final class ArchiveDownload {
    private ArchiveDownload() {}

    public static ResponseEntity<Resource> of(CaseArchiveService archives, Principal p, String idOrNumber, String password) {
        Path file = null;
        try {
            file = Files.createTempFile("case-export-", ".thar");
            CaseRecord c;
            try (OutputStream out = Files.newOutputStream(file)) {
                c = archives.export(p, idOrNumber, password, out);
            }
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("case-" + c.number() + ".thar").build().toString())
                    .contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .contentLength(Files.size(file))
                    .body(new InputStreamResource(new DeletedOnClose(file)));
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            if (e instanceof IOException io) throw new UncheckedIOException(io);
            throw (RuntimeException) e;
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // left to the system's cleaning of its temporary folder
        }
    }

    /** The exported file, removed once sent (or once the client went away). */
    private static final class DeletedOnClose extends FilterInputStream {
        private final Path file;

        DeletedOnClose(Path file) throws IOException {
            super(Files.newInputStream(file));
            this.file = file;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }
}
