package io.sightline.server.web;

import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The size a form post may reach: the body limit the hub enforces on every request
 * ({@code sightline.limits.json-body-bytes}, checked by {@code api/BodySizeLimitFilter}), read here
 * so the forms state it and the browser checks it before sending ({@code @formLimits} in templates).
 */
@Component("formLimits")
public class FormLimits {
    private final long bytes;

    public FormLimits(@Value("${sightline.limits.json-body-bytes}") long bytes) {
        this.bytes = bytes;
    }

    public long bytes() {
        return bytes;
    }

    /** The limit as people read it: "1 MB", "512 KB", or bytes when it is neither. */
    public String label() {
        return size(bytes);
    }

    static String size(long n) {
        if (n >= 1024 * 1024 && n % (1024 * 1024) == 0) return n / (1024 * 1024) + " MB";
        if (n >= 1024 * 1024) return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
        if (n >= 1024 && n % 1024 == 0) return n / 1024 + " KB";
        return n + " bytes";
    }
}
