package io.sightline.testkit.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A blocking HTTP/1.1 client for load tests: one persistent connection per calling thread, kept
 * alive by the JDK's connection cache. It costs the benchmark's client far less CPU than
 * java.net.http.HttpClient, whose hand-offs between selector and pool threads would otherwise take
 * a good share of a small machine away from the server being measured.
 */
final class KeepAliveHttp {
    record Response(int status, String body) {}

    private final String authorization;

    /** @param connections how many connections may stay open at once (one per client thread) */
    KeepAliveHttp(String apiKey, int connections) {
        // Read once by the JDK's keep-alive cache; its default of 5 would close most connections after each call.
        System.setProperty("http.maxConnections", Integer.toString(Math.max(5, connections)));
        this.authorization = "Bearer " + apiKey;
    }

    Response get(String url) throws IOException {
        return exchange(url, "GET", null);
    }

    Response postJson(String url, String json) throws IOException {
        return exchange(url, "POST", json.getBytes(StandardCharsets.UTF_8));
    }

    private Response exchange(String url, String method, byte[] body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestMethod(method);
        c.setRequestProperty("Authorization", authorization);
        c.setRequestProperty("Accept", "application/json");
        if (body != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            c.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
        }
        int status = c.getResponseCode();
        // Reading the body to its end (error bodies included) hands the connection back for reuse.
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            return new Response(status, in == null ? "" : readAll(in));
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(1024);
        in.transferTo(buf);
        return buf.toString(StandardCharsets.UTF_8);
    }
}
