package io.sightline.server.attachments;

import org.springframework.core.io.InputStreamSource;
import org.springframework.web.multipart.MultipartFile;

/** A file a client sent: its name, its declared content type and where to read it from once. */
public record Upload(String name, String contentType, InputStreamSource content) {
    /** A multipart part; a part without a file name is named {@code attachment}. */
    public static Upload of(MultipartFile part) {
        String name = part.getOriginalFilename();
        return new Upload(name == null || name.isBlank() ? "attachment" : name, part.getContentType(), part);
    }
}
