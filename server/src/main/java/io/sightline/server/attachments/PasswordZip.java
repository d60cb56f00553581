package io.sightline.server.attachments;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.zip.CRC32;

/**
 * A zip archive of one stored file, encrypted with the traditional PKWARE scheme (ZipCrypto) that
 * every unzip tool opens with a password: how TheHive hands out suspicious files ("malware"), so
 * that no scanner or browser opens them by accident. It protects from accidents, not from attackers.
 *
 * <p>The entry is stored uncompressed and streamed from disk in two passes (its CRC-32 first, as
 * the header needs it, then the content as the archive is read), so the archive's size is known in
 * advance and memory use is constant.
 * Format: PKWARE's APPNOTE.TXT, sections 4.3 (structure) and 6.1 (traditional encryption).
 */
public final class PasswordZip {
    /** ZipCrypto's random header before the data. */
    static final int HEADER = 12;
    private static final int LOCAL_HEADER = 30;
    private static final int CENTRAL_HEADER = 46;
    private static final int END_RECORD = 22;
    /** The largest entry without the Zip64 extension. */
    static final long MAX_SIZE = 0xFFFFFFFFL - HEADER;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final byte[] name;
    private final byte[] password;
    private final long size;
    private final long crc;
    private final int dosTime;
    private final int dosDate;

    /** Reads the file once for its CRC-32; the archive is written by {@link #writeTo}. */
    public PasswordZip(Path file, String entryName, String password) throws IOException {
        this.file = file;
        this.name = entryName.getBytes(StandardCharsets.UTF_8);
        this.password = password.getBytes(StandardCharsets.UTF_8);
        this.size = Files.size(file);
        if (size > MAX_SIZE) throw new IOException("File too large for a zip without Zip64: " + size + " bytes");
        this.crc = crcOf(file);
        LocalDateTime now = LocalDateTime.now();
        this.dosTime = (now.getHour() << 11) | (now.getMinute() << 5) | (now.getSecond() / 2);
        this.dosDate = ((now.getYear() - 1980) << 9) | (now.getMonthValue() << 5) | now.getDayOfMonth();
    }

    /** The archive's length in bytes. */
    public long length() {
        return LOCAL_HEADER + name.length + HEADER + size + CENTRAL_HEADER + name.length + END_RECORD;
    }

    /** The archive as a stream: read it once; the file is read from disk as the stream is. */
    public InputStream open() throws IOException {
        Cipher cipher = new Cipher(password);
        long stored = HEADER + size;
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        LittleEndian le = new LittleEndian(head);
        le.int32(0x04034b50);
        entryFields(le, stored);
        le.int16(0); // extra field length
        head.write(name);
        byte[] check = new byte[HEADER];
        RANDOM.nextBytes(check);
        check[HEADER - 1] = (byte) (crc >>> 24); // lets a reader check the password
        head.write(cipher.encrypt(check, 0, HEADER));

        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        le = new LittleEndian(tail);
        le.int32(0x02014b50);
        le.int16(20); // made by: version 2.0
        entryFields(le, stored);
        le.int16(0); // extra field length
        le.int16(0); // comment length
        le.int16(0); // disk number
        le.int16(0); // internal attributes
        le.int32(0); // external attributes
        le.int32(0); // offset of the local header
        tail.write(name);
        le.int32(0x06054b50);
        le.int16(0); // this disk
        le.int16(0); // disk of the central directory
        le.int16(1); // entries on this disk
        le.int16(1); // entries
        le.int32(CENTRAL_HEADER + name.length);
        le.int32(LOCAL_HEADER + name.length + stored); // where the central directory starts
        le.int16(0); // comment length

        InputStream data = new Encrypting(Files.newInputStream(file), cipher);
        return new SequenceInputStream(java.util.Collections.enumeration(java.util.List.of(
                new ByteArrayInputStream(head.toByteArray()), data, new ByteArrayInputStream(tail.toByteArray()))));
    }

    public void writeTo(OutputStream out) throws IOException {
        try (InputStream in = open()) {
            in.transferTo(out);
        }
    }

    /** The fields local and central headers share, from "version needed" to the name's length. */
    private void entryFields(LittleEndian le, long stored) throws IOException {
        le.int16(20); // version needed: 2.0 (encryption)
        le.int16(0x0001 | 0x0800); // encrypted, UTF-8 name
        le.int16(0); // stored, no compression
        le.int16(dosTime);
        le.int16(dosDate);
        le.int32(crc);
        le.int32(stored);
        le.int32(size);
        le.int16(name.length);
    }

    private static long crcOf(Path file) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) crc.update(buffer, 0, n);
        }
        return crc.getValue();
    }

    /** The three keys of the traditional encryption, updated by each plain byte (APPNOTE 6.1.5, 6.1.6). */
    static final class Cipher {
        private static final int[] TABLE = crcTable();
        private int key0 = 0x12345678;
        private int key1 = 0x23456789;
        private int key2 = 0x34567890;

        Cipher(byte[] password) {
            for (byte b : password) update(b);
        }

        /** Encrypts {@code n} bytes of {@code plain} from {@code off} in place and returns the array. */
        byte[] encrypt(byte[] plain, int off, int n) {
            for (int i = off; i < off + n; i++) {
                byte p = plain[i];
                plain[i] = (byte) (p ^ streamByte());
                update(p);
            }
            return plain;
        }

        /** Decrypts in place (for tests and for symmetry with {@link #encrypt}). */
        byte[] decrypt(byte[] cipher, int n) {
            for (int i = 0; i < n; i++) {
                byte p = (byte) (cipher[i] ^ streamByte());
                cipher[i] = p;
                update(p);
            }
            return cipher;
        }

        private int streamByte() {
            int temp = (key2 | 2) & 0xFFFF;
            return ((temp * (temp ^ 1)) >>> 8) & 0xFF;
        }

        private void update(byte b) {
            key0 = crc(key0, b);
            key1 = (key1 + (key0 & 0xFF)) * 134775813 + 1;
            key2 = crc(key2, (byte) (key1 >>> 24));
        }

        private static int crc(int crc, byte b) {
            return (crc >>> 8) ^ TABLE[(crc ^ b) & 0xFF];
        }

        private static int[] crcTable() {
            int[] table = new int[256];
            for (int n = 0; n < 256; n++) {
                int c = n;
                for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
                table[n] = c;
            }
            return table;
        }
    }

    /** The file's bytes encrypted as they are read. */
    private static final class Encrypting extends FilterInputStream {
        private final Cipher cipher;

        Encrypting(InputStream in, Cipher cipher) {
            super(in);
            this.cipher = cipher;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) cipher.encrypt(b, off, n);
            return n;
        }

        @Override
        public long skip(long n) {
            throw new UnsupportedOperationException("an encrypted stream is read in order");
        }
    }

    private record LittleEndian(OutputStream out) {
        void int16(int v) throws IOException {
            out.write(v & 0xFF);
            out.write((v >>> 8) & 0xFF);
        }

        void int32(long v) throws IOException {
            int16((int) (v & 0xFFFF));
            int16((int) ((v >>> 16) & 0xFFFF));
        }
    }
}
