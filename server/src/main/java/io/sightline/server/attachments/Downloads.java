package io.sightline.server.attachments;

import io.sightline.server.core.TooLarge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How a stored file is sent: always as a download ({@code Content-Disposition: attachment}) of
 * type {@code application/octet-stream}, never with the type its uploader declared, so that a
 * browser never renders an uploaded page in the hub's origin. Streamed from disk.
 */
public final class Downloads {
    /** TheHive's conventional password of zipped suspicious files. */
    public static final String ZIP_PASSWORD = "malware";

    private Downloads() {}

    public static ResponseEntity<Resource> asIs(Attachment a, Path content) {
        try {
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, disposition(a.name()))
                    .contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .contentLength(Files.size(content))
                    .body(new FileSystemResource(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file alone in a zip archive protected by {@link #ZIP_PASSWORD}, named after it with ".zip". */
    public static ResponseEntity<Resource> zipped(Attachment a, Path content) {
        if (a.size() > PasswordZip.MAX_SIZE) throw new TooLarge("File " + a.name() + " is too large to be zipped; download it as it is");
        try {
            PasswordZip zip = new PasswordZip(content, entryName(a.name()), ZIP_PASSWORD);
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, disposition(a.name() + ".zip"))
                    .contentType(MediaType.parseMediaType("application/zip"))
                    .contentLength(zip.length())
                    .body(new InputStreamResource(zip.open()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Control characters would break the header; they are replaced. */
    static String disposition(String filename) {
        return ContentDisposition.attachment().filename(filename.replaceAll("\\p{Cntrl}", "_")).build().toString();
    }

    /**
     * The name inside the zip: the last segment of the uploaded name only, so that unzipping never
     * writes outside the folder it is unzipped in, whatever path the uploader gave.
     */
    static String entryName(String name) {
        String last = name.replace('\\', '/');
        last = last.substring(last.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "_");
        return last.isBlank() || last.equals(".") || last.equals("..") ? "attachment" : last;
    }
}
