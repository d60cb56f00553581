package io.sightline.server.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A cookie-keeping HTTP client that uses the UI as a browser would, without running scripts. */
final class BrowserSession {
    private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern FIELD_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    record Page(int status, String body, java.net.http.HttpHeaders headers) {
        String location() {
            return headers.firstValue("Location").orElse("");
        }
    }

    private final String base;
    private final HttpClient http;
    private String lastPage;

    BrowserSession(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Page get(String path) {
        lastPage = base + path;
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts a form as a browser does (from the last page read), with the CSRF token of the page it was shown on (null: none). */
    Page post(String path, Map<String, String> fields, String csrfToken) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrfToken != null) all.put("_csrf", csrfToken);
        String body = all.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (lastPage != null) request.header("Referer", lastPage);
        return send(request);
    }

    /** Posts a multipart form with one file, as a browser sends a form with a file input. */
    Page postFile(String path, Map<String, String> fields, String fileField, String fileName, byte[] content,
                  String csrfToken) {
        String boundary = "----browser" + java.util.UUID.randomUUID();
        var out = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrfToken != null) all.put("_csrf", csrfToken);
        for (var e : all.entrySet()) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                    + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
        if (lastPage != null) request.header("Referer", lastPage);
        return send(request);
    }

    /** An htmx request: the token travels in the X-CSRF-TOKEN header. */
    Page htmxPost(String path, String csrfToken) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.noBody());
        if (csrfToken != null) b.header("X-CSRF-TOKEN", csrfToken);
        return send(b);
    }

    /** An htmx GET, as a link or filter of a page swapping a fragment sends it. */
    Page htmxGet(String path) {
        lastPage = base + path;
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true").GET());
    }

    /** An htmx form post; a field may repeat (several ticked boxes of one name). */
    Page htmxPost(String path, java.util.List<Map.Entry<String, String>> fields, String csrfToken) {
        String body = fields.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        var b = HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (csrfToken != null) b.header("X-CSRF-TOKEN", csrfToken);
        return send(b);
    }

    /** Logs in through the login form; returns the answer of the login POST. */
    Page login(String login, String password) {
        String token = token(get("/login").body());
        return post("/login", Map.of("username", login, "password", password), token);
    }

    static String token(String html) {
        Matcher m = META_TOKEN.matcher(html);
        if (m.find()) return m.group(1);
        m = FIELD_TOKEN.matcher(html);
        if (m.find()) return m.group(1);
        throw new AssertionError("No CSRF token in page: " + html.substring(0, Math.min(300, html.length())));
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
