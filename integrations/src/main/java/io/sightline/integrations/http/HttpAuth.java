package io.sightline.integrations.http;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * How a target authenticates each request. Every variant keeps its secret out of {@code toString}
 * so that a config can be logged or shown in a health page safely.
 */
public sealed interface HttpAuth {

    /** Adds the authentication header(s) to a request. */
    void apply(HttpRequest.Builder request);

    /** The secret values, so that error messages can be scrubbed of them. */
    List<String> secrets();

    static HttpAuth none() {
        return None.INSTANCE;
    }

    /** {@code Authorization: <key>} as MISP expects it. */
    static HttpAuth rawKey(String key) {
        return new RawKey(key);
    }

    /** {@code Authorization: Bearer <key>} as Cortex, TheHive and OpenCTI expect it. */
    static HttpAuth bearer(String key) {
        return new Bearer(key);
    }

    /** A key in a custom header, e.g. Stixify's {@code API-KEY: <key>}. */
    static HttpAuth header(String headerName, String key) {
        return new Header(headerName, key);
    }

    static HttpAuth basic(String username, String password) {
        return new Basic(username, password);
    }

    final class None implements HttpAuth {
        static final None INSTANCE = new None();

        private None() {
        }

        @Override
        public void apply(HttpRequest.Builder request) {
            // nothing to add
        }

        @Override
        public List<String> secrets() {
            return List.of();
        }

        @Override
        public String toString() {
            return "none";
        }
    }

    record RawKey(String key) implements HttpAuth {
        public RawKey {
            requireSecret(key, "API key");
        }

        @Override
        public void apply(HttpRequest.Builder request) {
            request.header("Authorization", key);
        }

        @Override
        public List<String> secrets() {
            return List.of(key);
        }

        @Override
        public String toString() {
            return "key(Authorization: ****)";
        }
    }

    record Bearer(String key) implements HttpAuth {
        public Bearer {
            requireSecret(key, "API key");
        }

        @Override
        public void apply(HttpRequest.Builder request) {
            request.header("Authorization", "Bearer " + key);
        }

        @Override
        public List<String> secrets() {
            return List.of(key);
        }

        @Override
        public String toString() {
            return "bearer(****)";
        }
    }

    record Header(String headerName, String key) implements HttpAuth {
        public Header {
            if (headerName == null || headerName.isBlank()) {
                throw new IllegalArgumentException("the authentication header name must not be blank");
            }
            requireSecret(key, "API key");
        }

        @Override
        public void apply(HttpRequest.Builder request) {
            request.header(headerName, key);
        }

        @Override
        public List<String> secrets() {
            return List.of(key);
        }

        @Override
        public String toString() {
            return "header(" + headerName + ": ****)";
        }
    }

    record Basic(String username, String password) implements HttpAuth {
        public Basic {
            Objects.requireNonNull(username, "username");
            requireSecret(password, "password");
        }

        @Override
        public void apply(HttpRequest.Builder request) {
            request.header("Authorization", "Basic " + encoded());
        }

        private String encoded() {
            return Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public List<String> secrets() {
            return List.of(password, encoded());
        }

        @Override
        public String toString() {
            return "basic(" + username + ":****)";
        }
    }

    private static void requireSecret(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the " + what + " must not be blank");
        }
    }
}
