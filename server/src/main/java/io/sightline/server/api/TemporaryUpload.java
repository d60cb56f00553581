package io.sightline.server.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.springframework.web.multipart.MultipartFile;

/** An uploaded file as a file of its own while a route reads it (more than once, or at random), deleted after. */
public final class TemporaryUpload {
    private TemporaryUpload() {}

    public static <T> T use(MultipartFile upload, Function<Path, T> use) {
        Path path = null;
        try {
            path = Files.createTempFile("upload-", ".tmp");
            upload.transferTo(path);
            return use.apply(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the uploaded file " + upload.getOriginalFilename(), e);
        } finally {
            if (path != null) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // the temporary folder is cleaned by the system
                }
            }
        }
    }
}
