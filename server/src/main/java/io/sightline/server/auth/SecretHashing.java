package io.sightline.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * API key secrets: 256 random bits, so a fast SHA-256 is enough to make a stolen database useless
 * (a slow hash protects low-entropy passwords, not random keys) and keeps every API call cheap.
 */
public final class SecretHashing {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    public static final String KEY_MARKER = "sl_";
    public static final int PREFIX_LENGTH = 8;

    private SecretHashing() {}

    /** A new key such as {@code sl_} + 43 base-62 characters (256 bits). */
    public static String newApiKey() {
        StringBuilder out = new StringBuilder(KEY_MARKER);
        for (int i = 0; i < 43; i++) out.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        return out.toString();
    }

    public static String newPassword() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 20; i++) out.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        return out.toString();
    }

    public static String prefixOf(String key) {
        return key.substring(0, Math.min(PREFIX_LENGTH, key.length()));
    }

    /** Hex SHA-256 of the UTF-8 text: also the key of every observable value, so it keeps one digest per thread. */
    public static String sha256(String secret) {
        return HexFormat.of().formatHex(SHA256.get().digest(secret.getBytes(StandardCharsets.UTF_8)));
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
}
