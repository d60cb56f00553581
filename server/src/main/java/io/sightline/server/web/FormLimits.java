package io.sightline.server.web;

import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The size a form post may reach: the body limit the hub enforces on every request
 * ({@code sightline.limits.json-body-bytes}, checked by {@code api/BodySizeLimitFilter}), read here
 * so the forms state it and the browser checks it before sending ({@code @formLimits} in templates).
 * Files sent with a form have their own limit, Spring's {@code spring.servlet.multipart.max-file-size}.
 */
@Component("formLimits")
public class FormLimits {
    private final long bytes;
    private final long fileBytes;

    public FormLimits(@Value("${sightline.limits.json-body-bytes}") long bytes,
                      @Value("${spring.servlet.multipart.max-file-size}") DataSize fileSize) {
        this.bytes = bytes;
        this.fileBytes = fileSize.toBytes();
    }

    public long bytes() {
        return bytes;
    }

    /** The limit as people read it: "1 MB", "512 KB", or bytes when it is neither. */
    public String label() {
        return size(bytes);
    }

    /** The size one uploaded file may reach. */
    public long fileBytes() {
        return fileBytes;
    }

    public String fileLabel() {
        return size(fileBytes);
    }

    static String size(long n) {
        if (n >= 1024 * 1024 && n % (1024 * 1024) == 0) return n / (1024 * 1024) + " MB";
        if (n >= 1024 * 1024) return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
        if (n >= 1024 && n % 1024 == 0) return n / 1024 + " KB";
        return n + " bytes";
    }
}
