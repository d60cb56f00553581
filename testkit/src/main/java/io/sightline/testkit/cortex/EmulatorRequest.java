package io.sightline.testkit.cortex;

import com.sun.net.httpserver.HttpExchange;
import io.sightline.integrations.http.HttpJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One request to the emulator: the matched endpoint, its path parameters, and ways to answer. */
final class EmulatorRequest {

    final HttpExchange exchange;
    final String endpoint;
    final List<String> params;
    final Map<String, String> query;
    final byte[] body;

    EmulatorRequest(HttpExchange exchange, String endpoint, List<String> params, byte[] body) {
        this.exchange = exchange;
        this.endpoint = endpoint;
        this.params = params;
        this.query = parseQuery(exchange.getRequestURI().getRawQuery());
        this.body = body;
    }

    String param(int index) {
        return params.get(index);
    }

    String contentType() {
        String value = exchange.getRequestHeaders().getFirst("Content-Type");
        return value == null ? "" : value;
    }

    /** The body as JSON; a malformed body is answered with Cortex's 400 and null is returned. */
    JsonNode jsonBody() throws IOException {
        try {
            return body.length == 0 ? HttpJson.MAPPER.createObjectNode() : HttpJson.MAPPER.readTree(body);
        } catch (JacksonException e) {
            error(400, "BadRequest", "Invalid Json: " + e.getOriginalMessage());
            return null;
        }
    }

    void json(int status, JsonNode node) throws IOException {
        send(status, HttpJson.MAPPER.writeValueAsBytes(node), "application/json");
    }

    void jsonList(List<? extends JsonNode> items, int total) throws IOException {
        exchange.getResponseHeaders().set("X-Total", String.valueOf(total));
        json(200, HttpJson.MAPPER.createArrayNode().addAll(items.stream().map(JsonNode.class::cast).toList()));
    }

    /** Cortex's error body: {@code {type, message}}. */
    void error(int status, String type, String message) throws IOException {
        ObjectNode error = HttpJson.MAPPER.createObjectNode();
        error.put("type", type);
        error.put("message", message);
        json(status, error);
    }

    void send(int status, byte[] bytes, String contentType) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(name, value);
        }
        return query;
    }
}
