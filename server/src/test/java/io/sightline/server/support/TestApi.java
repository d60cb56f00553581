package io.sightline.server.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the hub's API, as an external script would use it. */
public final class TestApi {
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final String base;
    private final String authorization;
    private final String organisation;

    private TestApi(String base, String authorization, String organisation) {
        this.base = base;
        this.authorization = authorization;
        this.organisation = organisation;
    }

    public static TestApi withKey(int port, String key) {
        return new TestApi("http://127.0.0.1:" + port, key == null ? null : "Bearer " + key, null);
    }

    public static TestApi withPassword(int port, String login, String password) {
        String basic = Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new TestApi("http://127.0.0.1:" + port, "Basic " + basic, null);
    }

    public TestApi inOrganisation(String org) {
        return new TestApi(base, authorization, org);
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    public Response delete(String path) {
        return send(builder(path).DELETE());
    }

    public Response post(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json").POST(bodyOf(body)));
    }

    public Response put(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json").PUT(bodyOf(body)));
    }

    public Response patch(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json").method("PATCH", bodyOf(body)));
    }

    /** Multipart as thehive4py sends a file observable: a {@code _json} form field and an {@code attachment} file. */
    public Response postFile(String path, String json, String fileName, byte[] content) {
        return postPart(path, json, "attachment", fileName, content);
    }

    /** Multipart with a {@code _json} form field and a file in the part {@code part}. */
    public Response postPart(String path, String json, String part, String fileName, byte[] content) {
        String boundary = "----sightline" + UUID.randomUUID();
        var out = new java.io.ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_json\"\r\n\r\n" + json + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(builder(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    /** A download: its status, headers and bytes as sent. */
    public HttpResponse<byte[]> download(String path) {
        try {
            return HTTP.send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("User-Agent", "thehive4py/2.0.3");
        if (authorization != null) b.header("Authorization", authorization);
        if (organisation != null) b.header("X-Organisation", organisation);
        return b;
    }

    private static HttpRequest.BodyPublisher bodyOf(Object body) {
        String s = body instanceof String str ? str : JSON.writeValueAsString(body);
        return HttpRequest.BodyPublishers.ofString(s);
    }
}
