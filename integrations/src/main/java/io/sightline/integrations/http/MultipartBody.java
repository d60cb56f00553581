package io.sightline.integrations.http;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * multipart/form-data built from text fields, JSON fields and files. Files are streamed from disk,
 * never loaded whole, and the body can be replayed for a retry.
 */
public final class MultipartBody {

    private final String boundary = "sightline-" + UUID.randomUUID();
    private final List<BodyPublisher> parts = new ArrayList<>();

    public static MultipartBody create() {
        return new MultipartBody();
    }

    public MultipartBody field(String name, String value) {
        parts.add(text(header(name, null, "text/plain; charset=UTF-8") + value + "\r\n"));
        return this;
    }

    /** A form field whose value is JSON, e.g. Cortex's {@code _json} part. */
    public MultipartBody jsonField(String name, Object value) {
        String json = HttpJson.MAPPER.writeValueAsString(value);
        parts.add(text(header(name, null, "application/json") + json + "\r\n"));
        return this;
    }

    public MultipartBody file(String name, String filename, String contentType, Path file) {
        try {
            parts.add(text(header(name, filename, contentType)));
            parts.add(BodyPublishers.ofFile(file));
            parts.add(text("\r\n"));
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("cannot attach " + file + ": file not found", e);
        }
        return this;
    }

    public MultipartBody file(String name, String filename, String contentType, byte[] content) {
        parts.add(text(header(name, filename, contentType)));
        parts.add(BodyPublishers.ofByteArray(content.clone()));
        parts.add(text("\r\n"));
        return this;
    }

    public RequestBody toRequestBody() {
        List<BodyPublisher> all = new ArrayList<>(parts);
        all.add(text("--" + boundary + "--\r\n"));
        return new RequestBody("multipart/form-data; boundary=" + boundary,
                BodyPublishers.concat(all.toArray(BodyPublisher[]::new)));
    }

    private String header(String name, String filename, String contentType) {
        StringBuilder header = new StringBuilder("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(quote(name)).append('"');
        if (filename != null) {
            header.append("; filename=\"").append(quote(filename)).append('"');
        }
        header.append("\r\nContent-Type: ")
                .append(contentType == null ? "application/octet-stream" : contentType)
                .append("\r\n\r\n");
        return header.toString();
    }

    /** Quotes a name for Content-Disposition the way browsers do (RFC 7578 section 4.2). */
    private static String quote(String value) {
        return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static BodyPublisher text(String text) {
        return BodyPublishers.ofByteArray(text.getBytes(StandardCharsets.UTF_8));
    }
}
