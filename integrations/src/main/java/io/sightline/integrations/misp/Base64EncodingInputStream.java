package io.sightline.integrations.misp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;

/** Reads another stream base64-encoded, chunk by chunk, so a file never sits whole in memory. */
final class Base64EncodingInputStream extends InputStream {

    private static final int RAW_CHUNK = 3 * 16 * 1024;

    private final InputStream raw;
    private final Base64.Encoder encoder = Base64.getEncoder();
    private byte[] encoded = new byte[0];
    private int position;
    private boolean eof;

    Base64EncodingInputStream(InputStream raw) {
        this.raw = raw;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return encoded[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, encoded.length - position);
        System.arraycopy(encoded, position, b, off, n);
        position += n;
        return n;
    }

    /** Encodes the next chunk when the current one is used up; false at the end. */
    private boolean fill() throws IOException {
        while (position >= encoded.length) {
            if (eof) {
                return false;
            }
            // whole 3-byte groups keep the output free of padding until the very end
            byte[] chunk = raw.readNBytes(RAW_CHUNK);
            eof = chunk.length < RAW_CHUNK;
            encoded = encoder.encode(chunk);
            position = 0;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }
}
