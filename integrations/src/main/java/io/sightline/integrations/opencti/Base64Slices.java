package io.sightline.integrations.opencti;

/**
 * Standard base64 (RFC 4648, with padding) from a slice of one array into a slice of another.
 * {@link java.util.Base64.Encoder} only encodes whole arrays into new ones or from index 0, which
 * would cost two extra copies per AMQP message.
 */
final class Base64Slices {
    private static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Base64Slices() {}

    /** Encodes {@code source[offset, offset + length)} at {@code target[at]}; returns the position after the last byte written. */
    static int encode(byte[] source, int offset, int length, byte[] target, int at) {
        int end = offset + length;
        int whole = offset + length / 3 * 3;
        int in = offset;
        int out = at;
        while (in < whole) {
            int bits = (source[in] & 0xff) << 16 | (source[in + 1] & 0xff) << 8 | (source[in + 2] & 0xff);
            in += 3;
            target[out] = ALPHABET[bits >>> 18];
            target[out + 1] = ALPHABET[bits >>> 12 & 0x3f];
            target[out + 2] = ALPHABET[bits >>> 6 & 0x3f];
            target[out + 3] = ALPHABET[bits & 0x3f];
            out += 4;
        }
        int left = end - in;
        if (left > 0) {
            int bits = (source[in] & 0xff) << 16 | (left == 2 ? (source[in + 1] & 0xff) << 8 : 0);
            target[out] = ALPHABET[bits >>> 18];
            target[out + 1] = ALPHABET[bits >>> 12 & 0x3f];
            target[out + 2] = left == 2 ? ALPHABET[bits >>> 6 & 0x3f] : (byte) '=';
            target[out + 3] = '=';
            out += 4;
        }
        return out;
    }
}
