package io.sightline.server.auth;

import io.sightline.server.core.Invalid;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a new password must be: 8 characters or more, at most 72 bytes in UTF-8 (bcrypt ignores
 * anything past that, and Spring's encoder refuses it), not the login, and not one of the
 * well-known passwords that are tried first.
 */
@Component
class PasswordRules {
    public static final int MIN_CHARACTERS = 8;
    public static final int MAX_BYTES = 72;
    private static final String LIST = "common-passwords.txt";

    private final Set<String> common;

    public PasswordRules() {
        this.common = load();
    }

    public void check(String login, String password) {
        if (password.length() < MIN_CHARACTERS) {
            throw new Invalid("A password must have at least " + MIN_CHARACTERS + " characters");
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new Invalid("A password may have at most " + MAX_BYTES + " bytes in UTF-8; this one has " + bytes);
        }
        if (login != null && password.equalsIgnoreCase(login)) throw new Invalid("A password must not be the login");
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            throw new Invalid("This password is one of the best-known passwords; choose another");
        }
    }

    private static Set<String> load() {
        Set<String> out = new HashSet<>();
        try (InputStream in = PasswordRules.class.getResourceAsStream(LIST)) {
            if (in == null) throw new IllegalStateException("Missing resource " + LIST);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String word = line.trim();
                if (!word.isEmpty() && !word.startsWith("#")) out.add(word.toLowerCase(Locale.ROOT));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(out);
    }
}
