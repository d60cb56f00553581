package io.sightline.server.casearchive;

import io.sightline.server.core.Malformed;
import io.sightline.server.core.Refused;
import io.sightline.server.core.TooLarge;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sealed file and the zip inside it: what is written reads back, and what must not read does not. */
class ArchiveFormatTest {
    @TempDir
    Path dir;

    private Path sealed(String password, byte[] plain) throws Exception {
        Path file = dir.resolve("a.thar");
        try (OutputStream out = ArchiveSeal.sealing(Files.newOutputStream(file), password)) {
            out.write(plain);
        }
        return file;
    }

    @Test
    void sealedBytesReadBackWithTheirPasswordOnly() throws Exception {
        byte[] plain = "the case, its tasks and files".repeat(10_000).getBytes();
        Path file = sealed("pw", plain);
        assertThat(Files.size(file)).isEqualTo(plain.length + ArchiveSeal.OVERHEAD);
        try (InputStream in = ArchiveSeal.open(file, "pw")) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
        assertThatThrownBy(() -> ArchiveSeal.open(file, "pW")).isInstanceOf(Refused.class);
    }

    @Test
    void anyChangedByteIsFoundBeforeAnythingIsRead() throws Exception {
        Path file = sealed("pw", new byte[5000]);
        byte[] bytes = Files.readAllBytes(file);
        for (int at : new int[] {ArchiveSeal.HEADER, ArchiveSeal.HEADER + 2500, bytes.length - 1}) {
            byte[] changed = bytes.clone();
            changed[at] ^= 0x40;
            Files.write(file, changed);
            assertThatThrownBy(() -> ArchiveSeal.open(file, "pw")).isInstanceOf(Malformed.class)
                    .hasMessage("The case archive is damaged or truncated");
        }
    }

    @Test
    void aZipThatUnpacksPastTheLimitIsRefused() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry(ArchiveLayout.CASE));
            out.write(new byte[1_000_000]); // zeros: a few kilobytes packed
            out.closeEntry();
        }
        try (InputStream in = ArchiveSeal.open(sealed("pw", zip.toByteArray()), "pw");
             ArchiveReader reader = new ArchiveReader(in, new ArchiveLimits(1000, 10_000, 10))) {
            assertThatThrownBy(() -> reader.file(ArchiveLayout.CASE, dir.resolve("out")))
                    .isInstanceOf(TooLarge.class).hasMessage("The case archive unpacks to more than 10000 bytes");
        }
    }

    @Test
    void recordsPastTheLimitOrEntriesOutOfPlaceAreRefused() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry(ArchiveLayout.COMMENTS));
            out.write("{\"message\":\"a\",\"external\":false}\n".repeat(3).getBytes());
            out.closeEntry();
        }
        try (InputStream in = ArchiveSeal.open(sealed("pw", zip.toByteArray()), "pw");
             ArchiveReader reader = new ArchiveReader(in, new ArchiveLimits(1000, 10_000, 2))) {
            List<Archived.Comment> read = new ArrayList<>();
            assertThatThrownBy(() -> reader.lines(ArchiveLayout.COMMENTS, Archived.Comment.class, read::add))
                    .isInstanceOf(TooLarge.class).hasMessage("The case archive holds more than 2 records");
            assertThat(read).hasSize(2);
        }
        try (InputStream in = ArchiveSeal.open(sealed("pw", zip.toByteArray()), "pw");
             ArchiveReader reader = new ArchiveReader(in, new ArchiveLimits(1000, 10_000, 10))) {
            assertThatThrownBy(() -> reader.json(ArchiveLayout.CASE, Archived.Case.class)).isInstanceOf(Malformed.class)
                    .hasMessage("The case archive is damaged: expected entry case.json, found comments.jsonl");
        }
    }
}
