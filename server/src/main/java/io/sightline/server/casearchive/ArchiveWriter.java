package io.sightline.server.casearchive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.json.JsonMapper;

/** Writes the entries of a case archive, in {@link ArchiveLayout}'s order, into a sealed stream. */
final class ArchiveWriter implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ZipOutputStream zip;

    ArchiveWriter(OutputStream out, String password) throws IOException {
        this.zip = new ZipOutputStream(ArchiveSeal.sealing(out, password));
        // files are mostly packed already (documents, samples): the fastest level costs little in size
        zip.setLevel(Deflater.BEST_SPEED);
    }

    void json(String entry, Object value) throws IOException {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write(JSON.writeValueAsBytes(value));
        zip.closeEntry();
    }

    /** One entry of JSON lines, one record each. */
    void lines(String entry, Iterable<?> records) throws IOException {
        zip.putNextEntry(new ZipEntry(entry));
        for (Object r : records) {
            zip.write(JSON.writeValueAsBytes(r));
            zip.write('\n');
        }
        zip.closeEntry();
    }

    void file(String entry, Path content) throws IOException {
        zip.putNextEntry(new ZipEntry(entry));
        Files.copy(content, zip);
        zip.closeEntry();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
