package io.sightline.server.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The password zip holds the file, encrypted so that only the password gives it back. */
class PasswordZipTest {
    @TempDir
    Path dir;

    @Test
    void theContentComesBackWithThePasswordOnly() throws Exception {
        byte[] content = new byte[200_000];
        for (int i = 0; i < content.length; i++) content[i] = (byte) (i * 31);
        Path file = Files.write(dir.resolve("sample"), content);
        var zip = new PasswordZip(file, "sample.exe", "malware");
        var out = new ByteArrayOutputStream();
        zip.writeTo(out);
        byte[] archive = out.toByteArray();
        assertThat(archive.length).isEqualTo(zip.length());

        ByteBuffer le = ByteBuffer.wrap(archive).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(le.getInt(0)).isEqualTo(0x04034b50);
        assertThat(le.getShort(6) & 1).as("encrypted flag").isEqualTo(1);
        int nameLength = le.getShort(26);
        assertThat(new String(archive, 30, nameLength, StandardCharsets.UTF_8)).isEqualTo("sample.exe");
        int start = 30 + nameLength;
        int stored = le.getInt(18);
        assertThat(stored).isEqualTo(content.length + PasswordZip.HEADER);

        byte[] data = java.util.Arrays.copyOfRange(archive, start, start + stored);
        byte[] plain = new PasswordZip.Cipher("malware".getBytes(StandardCharsets.UTF_8)).decrypt(data.clone(), data.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        assertThat(plain[PasswordZip.HEADER - 1] & 0xFF).as("the password check byte").isEqualTo((int) (crc.getValue() >>> 24));
        assertThat(java.util.Arrays.copyOfRange(plain, PasswordZip.HEADER, plain.length)).isEqualTo(content);

        byte[] wrong = new PasswordZip.Cipher("benign".getBytes(StandardCharsets.UTF_8)).decrypt(data.clone(), data.length);
        assertThat(java.util.Arrays.copyOfRange(wrong, PasswordZip.HEADER, wrong.length)).isNotEqualTo(content);
        assertThat(le.getInt(archive.length - 22)).as("end of central directory").isEqualTo(0x06054b50);
    }

    /** An archive made by Info-ZIP ({@code zip -0 -P malware}): the same cipher opens it. */
    @Test
    void opensAnArchiveOfAnotherZipTool() {
        byte[] archive = java.util.Base64.getDecoder().decode("UEsDBAoACQAAAExxh12E7s67HgAAABIAAAAKAAAAc2FtcGxlLnR4dJ9wG1Yse7nhV3KCqwdZ5K4dF3Z7"
                + "jEyXutC3YbLr91BLBwiE7s67HgAAABIAAABQSwECHgMKAAkAAABMcYddhO7Oux4AAAASAAAACgAAAAAAAAAAAAAApIEAAAAAc2FtcGxlLnR4"
                + "dFBLBQYAAAAAAQABADgAAABWAAAAAAA=");
        int start = 30 + "sample.txt".length();
        byte[] data = java.util.Arrays.copyOfRange(archive, start, start + 30);
        byte[] plain = new PasswordZip.Cipher("malware".getBytes(StandardCharsets.UTF_8)).decrypt(data, data.length);
        assertThat(plain[PasswordZip.HEADER - 1] & 0xFF).as("check byte: the high byte of the entry's time").isEqualTo(0x71);
        assertThat(new String(plain, PasswordZip.HEADER, 18, StandardCharsets.UTF_8)).isEqualTo("observable content");
    }
}
