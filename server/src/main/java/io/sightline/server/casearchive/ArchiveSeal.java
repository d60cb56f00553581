package io.sightline.server.casearchive;

import io.sightline.server.core.Invalid;
import io.sightline.server.core.Malformed;
import io.sightline.server.core.Refused;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The password protection of a case archive: AES-256-CTR, then HMAC-SHA-256 over everything
 * (encrypt-then-MAC), keys from PBKDF2-HMAC-SHA-256 of the password. Streams both ways, so an
 * archive of any size needs constant memory.
 *
 * <p>Layout: {@code "SLTHAR01"}, salt (16), IV (16), password check (32), ciphertext, MAC (32).
 * The password check, derived with the keys, tells a wrong password from a damaged file before
 * anything is decrypted; the MAC is verified over the whole file before it is read.
 */
final class ArchiveSeal {
    private static final byte[] MAGIC = "SLTHAR01".getBytes(StandardCharsets.US_ASCII);
    private static final int SALT = 16;
    private static final int IV = 16;
    private static final int CHECK = 32;
    private static final int MAC = 32;
    static final int HEADER = MAGIC.length + SALT + IV + CHECK;
    static final int OVERHEAD = HEADER + MAC;
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256 is 600,000; 210,000 keeps an import under a second on a busy hub. */
    private static final int ITERATIONS = 210_000;
    private static final int MAX_PASSWORD = 512;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ArchiveSeal() {}

    /** A stream that writes the sealed form of what is written to it into {@code out}; closing it writes the MAC and closes {@code out}. */
    static OutputStream sealing(OutputStream out, String password) throws IOException {
        byte[] salt = random(SALT);
        byte[] iv = random(IV);
        Keys keys = Keys.derive(password, salt);
        try {
            Mac mac = keys.mac();
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.aes(), new IvParameterSpec(iv));
            byte[] header = concat(MAGIC, salt, iv, keys.check());
            out.write(header);
            mac.update(header);
            return new Sealing(out, cipher, mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES or HMAC-SHA-256 missing from the Java runtime", e);
        }
    }

    /**
     * The plain content of a sealed file, once its password and MAC are checked.
     *
     * @throws Malformed the file is not an archive, or is damaged or truncated
     * @throws Refused   the password is not the archive's
     */
    static InputStream open(Path file, String password) throws IOException {
        long size = Files.size(file);
        if (size < OVERHEAD) throw notAnArchive();
        byte[] header = new byte[HEADER];
        Keys keys;
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(header, 0, HEADER) != HEADER) throw notAnArchive();
            if (!Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) throw notAnArchive();
            keys = Keys.derive(password, Arrays.copyOfRange(header, MAGIC.length, MAGIC.length + SALT));
            byte[] check = Arrays.copyOfRange(header, HEADER - CHECK, HEADER);
            if (!MessageDigest.isEqual(check, keys.check())) throw new Refused("Wrong password for this case archive");
            verifyMac(in, header, keys, size);
        }
        byte[] iv = Arrays.copyOfRange(header, MAGIC.length + SALT, MAGIC.length + SALT + IV);
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.aes(), new IvParameterSpec(iv));
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(HEADER);
            return new CipherInputStream(new Bounded(in, size - OVERHEAD), cipher);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES missing from the Java runtime", e);
        }
    }

    private static void verifyMac(InputStream afterHeader, byte[] header, Keys keys, long size) throws IOException {
        Mac mac = keys.mac();
        mac.update(header);
        long remaining = size - OVERHEAD;
        byte[] buffer = new byte[64 * 1024];
        while (remaining > 0) {
            int n = afterHeader.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) throw damaged();
            mac.update(buffer, 0, n);
            remaining -= n;
        }
        byte[] stored = afterHeader.readNBytes(MAC);
        if (stored.length != MAC || !MessageDigest.isEqual(stored, mac.doFinal())) throw damaged();
    }

    private static Malformed notAnArchive() {
        return new Malformed("The file is not a case archive (.thar) of this hub");
    }

    private static Malformed damaged() {
        return new Malformed("The case archive is damaged or truncated");
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    /** The AES key, the MAC key and the password check, all from one PBKDF2 run. */
    private record Keys(byte[] aesKey, byte[] macKey, byte[] check) {
        static Keys derive(String password, byte[] salt) {
            if (password == null || password.isEmpty()) throw new Invalid("A case archive needs a password");
            if (password.length() > MAX_PASSWORD) {
                throw new Invalid("The password of a case archive has at most " + MAX_PASSWORD + " characters");
            }
            try {
                var spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 8 * (32 + 32 + CHECK));
                byte[] all = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
                spec.clearPassword();
                return new Keys(Arrays.copyOfRange(all, 0, 32), Arrays.copyOfRange(all, 32, 64), Arrays.copyOfRange(all, 64, 96));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("PBKDF2WithHmacSHA256 missing from the Java runtime", e);
            }
        }

        SecretKeySpec aes() {
            return new SecretKeySpec(aesKey, "AES");
        }

        Mac mac() {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA-256 missing from the Java runtime", e);
            }
        }
    }

    private static final class Sealing extends FilterOutputStream {
        private final Cipher cipher;
        private final Mac mac;
        private boolean closed;

        Sealing(OutputStream out, Cipher cipher, Mac mac) {
            super(out);
            this.cipher = cipher;
            this.mac = mac;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            byte[] encrypted = cipher.update(b, off, len);
            if (encrypted != null && encrypted.length > 0) {
                mac.update(encrypted);
                out.write(encrypted);
            }
        }

        @Override
        public void close() throws IOException {
            if (closed) return;
            closed = true;
            try {
                byte[] last = cipher.doFinal();
                mac.update(last);
                out.write(last);
                out.write(mac.doFinal());
            } catch (GeneralSecurityException e) {
                throw new IOException("Could not seal the case archive", e);
            } finally {
                out.close();
            }
        }
    }

    /** The ciphertext only: the MAC after it is not decrypted. */
    private static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long length) {
            super(in);
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) return -1;
            int b = in.read();
            if (b >= 0) left--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) return -1;
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) left -= n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(Math.min(n, left));
            left -= skipped;
            return skipped;
        }
    }
}
