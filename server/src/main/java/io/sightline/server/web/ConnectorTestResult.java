package io.sightline.server.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer of a connector's connection test, as the About page shows it.
 *
 * @param outcome "ok", "failed" or "unavailable" (the hub has no test endpoint)
 * @param message what to tell the user; it may come from a remote server and is rendered escaped
 */
public record ConnectorTestResult(String outcome, String message) {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_BODY = 64 * 1024;

    static ConnectorTestResult refused(String message) {
        return new ConnectorTestResult("failed", message);
    }

    /**
     * Dispatches an empty POST to the API path within the same request (same principal) and reads
     * its answer. An include, not a forward: a forward closes the browser's response when it returns.
     */
    static ConnectorTestResult call(HttpServletRequest request, HttpServletResponse response, String path)
            throws ServletException, IOException {
        Capture capture = new Capture(response);
        request.getRequestDispatcher(path).include(new EmptyPost(request), capture);
        return interpret(capture.getStatus(), capture.body());
    }

    /** Maps the endpoint's status and JSON body to what the user sees. */
    static ConnectorTestResult interpret(int status, String body) {
        JsonNode json = parse(body);
        String message = firstText(json, "message", "reason", "error");
        boolean noRoute = json == null || "NotFoundError".equals(text(json, "type")) && message != null
                && message.startsWith("No such endpoint");
        if (status == 404 && noRoute) {
            return new ConnectorTestResult("unavailable", "Connection test is not available in this version of the hub");
        }
        if (status >= 200 && status < 300) {
            String state = firstText(json, "status", "state");
            boolean ok = state == null || state.equalsIgnoreCase("OK") || state.equalsIgnoreCase("success");
            String version = firstText(json, "version");
            String shown = (state == null ? "OK" : state.toUpperCase(java.util.Locale.ROOT))
                    + (version == null ? "" : " – version " + version) + (message == null ? "" : ": " + message)
                    + servers(json);
            return new ConnectorTestResult(ok ? "ok" : "failed", shown);
        }
        return new ConnectorTestResult("failed", "HTTP " + status + (message == null ? "" : ": " + message));
    }

    /** "; name – version (STATUS: reason)" for each server the test checked. */
    private static String servers(JsonNode json) {
        if (json == null || !json.isObject() || json.get("servers") == null || !json.get("servers").isArray()) return "";
        StringBuilder out = new StringBuilder();
        for (JsonNode server : json.get("servers")) {
            String version = firstText(server, "version");
            String reason = firstText(server, "lastError", "reason", "error");
            String status = firstText(server, "status");
            out.append("; ").append(firstText(server, "name") == null ? "server" : firstText(server, "name"))
                    .append(" – ").append(version == null ? "Unknown version" : version)
                    .append(" (").append(status == null ? "UNKNOWN" : status)
                    .append(reason == null || "OK".equals(status) ? "" : ": " + reason).append(')');
        }
        return out.toString();
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) return null;
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String firstText(JsonNode json, String... fields) {
        for (String f : fields) {
            String t = text(json, f);
            if (t != null && !t.isBlank()) return t;
        }
        return null;
    }

    private static String text(JsonNode json, String field) {
        if (json == null || !json.isObject() || json.get(field) == null || json.get(field).isNull()) return null;
        JsonNode v = json.get(field);
        return v.isString() ? v.stringValue() : v.isValueNode() ? v.toString() : null;
    }

    /** The UI's POST carried a form and a CSRF header; the API call gets an empty body. */
    private static final class EmptyPost extends HttpServletRequestWrapper {
        EmptyPost(HttpServletRequest request) {
            super(request);
        }

        @Override public String getContentType() { return null; }
        @Override public int getContentLength() { return 0; }
        @Override public long getContentLengthLong() { return 0; }
    }

    /** Keeps the forwarded answer (status and a bounded body) instead of sending it to the browser. */
    private static final class Capture extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private int status = 200;
        private PrintWriter writer;
        private final ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                if (buffer.size() < MAX_BODY) buffer.write(b);
            }

            @Override public boolean isReady() { return true; }
            @Override public void setWriteListener(WriteListener listener) { }
        };

        Capture(HttpServletResponse response) {
            super(response);
        }

        @Override public void setStatus(int sc) { status = sc; }
        @Override public int getStatus() { return status; }
        @Override public void sendError(int sc) { status = sc; }
        @Override public void sendError(int sc, String msg) { status = sc; }
        @Override public void setHeader(String name, String value) { }
        @Override public void addHeader(String name, String value) { }
        @Override public void setContentType(String type) { }
        @Override public void setCharacterEncoding(String charset) { }
        @Override public void setContentLength(int len) { }
        @Override public void setContentLengthLong(long len) { }
        @Override public ServletOutputStream getOutputStream() { return out; }
        @Override public void flushBuffer() { }
        @Override public void resetBuffer() { buffer.reset(); }
        @Override public void reset() { buffer.reset(); status = 200; }
        @Override public boolean isCommitted() { return false; }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) writer = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
            return writer;
        }

        String body() {
            if (writer != null) writer.flush();
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }
}
