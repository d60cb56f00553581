package io.sightline.server.observables;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Files of file observables, stored once per content under data-dir/attachments/<sha256>. The
 * upload is streamed to disk while MD5, SHA-1 and SHA-256 are computed, so size is not bounded by memory.
 */
@Component
public class AttachmentStore {
    private final Path dir;
    private final JdbcClient jdbc;
    private final Clock clock;

    public AttachmentStore(@Value("${sightline.data-dir}") String dataDir, JdbcClient jdbc, Clock clock) {
        this.dir = Path.of(dataDir, "attachments");
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Attachment store(String name, String contentType, InputStream content) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "upload-", ".part");
            MessageDigest md5 = digest("MD5");
            MessageDigest sha1 = digest("SHA-1");
            MessageDigest sha256 = digest("SHA-256");
            long size;
            try (OutputStream out = new DigestOutputStream(new DigestOutputStream(new DigestOutputStream(
                    Files.newOutputStream(tmp), md5), sha1), sha256)) {
                size = content.transferTo(out);
            }
            HexFormat hex = HexFormat.of();
            String sha = hex.formatHex(sha256.digest());
            Files.move(tmp, dir.resolve(sha), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            var keys = new GeneratedKeyHolder();
            String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
            String md5Hex = hex.formatHex(md5.digest());
            String sha1Hex = hex.formatHex(sha1.digest());
            jdbc.sql("INSERT INTO attachment (name, content_type, size, md5, sha1, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(name, type, size, md5Hex, sha1Hex, sha, clock.millis()).update(keys, "id");
            return new Attachment(keys.getKey().longValue(), name, type, size, md5Hex, sha1Hex, sha);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store uploaded file", e);
        }
    }

    public Optional<Path> file(Attachment a) {
        Path p = dir.resolve(a.sha256());
        return Files.exists(p) ? Optional.of(p) : Optional.empty();
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
